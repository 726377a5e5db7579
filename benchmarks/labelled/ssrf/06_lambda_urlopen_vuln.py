# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); CWE-918 (cwe.mitre.org/data/definitions/918.html)
# expect: 13
# note: the url query parameter goes straight to urlopen, which also accepts file:// URLs and the instance metadata endpoint.
import json
import urllib.request


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    target = params.get("url", "")
    with urllib.request.urlopen(target, timeout=5) as resp:
        body = resp.read(1_000_000)
        status = resp.status
    return {"statusCode": 200, "body": json.dumps({"length": len(body), "status": status})}
