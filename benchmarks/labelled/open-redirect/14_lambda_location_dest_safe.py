# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# note: dest is used only when it is https and its hostname is in ALLOWED_HOSTS; otherwise the fixed home page is used.

from urllib.parse import urlparse

ALLOWED_HOSTS = {"www.example.com", "shop.example.com"}


def handler(event, context):
    params = event.get("queryStringParameters") or {}
    destination = params.get("dest", "https://www.example.com/")
    parsed = urlparse(destination)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        destination = "https://www.example.com/"
    return {"statusCode": 302, "headers": {"Location": destination}, "body": ""}
