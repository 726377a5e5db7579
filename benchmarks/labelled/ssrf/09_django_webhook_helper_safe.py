# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); CWE-918 (cwe.mitre.org/data/definitions/918.html)
# note: before deliver() is called, the callback must be https on a registered partner domain (exact match or a dot-anchored subdomain).
import json
from urllib.parse import urlparse

import httpx
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

PARTNER_DOMAINS = ("partner-one.com", "partner-two.io")


def deliver(url: str, payload: dict) -> int:
    resp = httpx.post(url, json=payload, timeout=5.0)
    return resp.status_code


@csrf_exempt
@require_POST
def test_partner_webhook(request):
    data = json.loads(request.body)
    parsed = urlparse(data["callback_url"])
    host = parsed.hostname or ""
    if parsed.scheme != "https" or not any(host == d or host.endswith("." + d) for d in PARTNER_DOMAINS):
        return JsonResponse({"error": "callback host not registered"}, status=400)
    status = deliver(data["callback_url"], {"event": "ping"})
    return JsonResponse({"delivered": status < 400, "status": status})
