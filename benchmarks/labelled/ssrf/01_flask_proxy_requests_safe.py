# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# note: the URL must be https and its parsed hostname must be in a fixed allow-list of CDN hosts before it is fetched (redirects are not followed).
from urllib.parse import urlparse

import requests
from flask import Flask, Response, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"images.acme-cdn.com", "static.acme.com"}


@app.route("/proxy")
def proxy():
    url = request.args.get("url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    upstream = requests.get(url, timeout=10, allow_redirects=False)
    return Response(
        upstream.content,
        status=upstream.status_code,
        content_type=upstream.headers.get("Content-Type", "application/octet-stream"),
    )
