# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); CWE-918 (cwe.mitre.org/data/definitions/918.html)
# expect: 15
# note: callback_url from the request body reaches httpx.post inside the deliver() helper without any validation.
import json

import httpx
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def deliver(url: str, payload: dict) -> int:
    resp = httpx.post(url, json=payload, timeout=5.0)
    return resp.status_code


@csrf_exempt
@require_POST
def test_partner_webhook(request):
    data = json.loads(request.body)
    status = deliver(data["callback_url"], {"event": "ping"})
    return JsonResponse({"delivered": status < 400, "status": status})
