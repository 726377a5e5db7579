# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); CWE-918 (cwe.mitre.org/data/definitions/918.html)
# note: only https URLs whose hostname is in a fixed allow-list are opened; everything else gets a 400.
import json
import urllib.request
from urllib.parse import urlparse

ALLOWED_HOSTS = {"status.acme.com", "api.acme.com"}


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    target = params.get("url", "")
    parsed = urlparse(target)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        return {"statusCode": 400, "body": json.dumps({"error": "host not allowed"})}
    with urllib.request.urlopen(target, timeout=5) as resp:
        body = resp.read(1_000_000)
        status = resp.status
    return {"statusCode": 200, "body": json.dumps({"length": len(body), "status": status})}
