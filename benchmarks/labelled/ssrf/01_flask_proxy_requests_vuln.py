# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# expect: 15
# note: any URL in ?url= is fetched server-side, e.g. http://169.254.169.254/latest/meta-data/ or internal admin services, and the body is returned to the caller.
import requests
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/proxy")
def proxy():
    url = request.args.get("url", "")
    upstream = requests.get(url, timeout=10)
    return Response(
        upstream.content,
        status=upstream.status_code,
        content_type=upstream.headers.get("Content-Type", "application/octet-stream"),
    )
