# category: open-redirect
# label: vulnerable
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect'), Demonstrative Examples (Location header built from a request parameter)
# expect: 16
# note: the mirror query parameter sets the scheme and host of a hand-built Location header on a 302, so downloads can be redirected to an attacker's host.

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/download/<name>")
def download(name):
    mirror = request.args.get("mirror", "https://eu.cdn.example.com")
    resp = Response(status=302)
    resp.headers["Location"] = f"{mirror}/releases/{name}"
    return resp
