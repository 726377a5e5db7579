# category: open-redirect
# label: safe
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect'), Demonstrative Examples (Location header built from a request parameter)
# note: mirror is only a key into a constant MIRRORS mapping, so the Location host is always one of ours.

from flask import Flask, Response, request

app = Flask(__name__)

MIRRORS = {"eu": "https://eu.cdn.example.com", "us": "https://us.cdn.example.com"}


@app.route("/download/<name>")
def download(name):
    mirror = MIRRORS.get(request.args.get("mirror"), MIRRORS["eu"])
    resp = Response(status=302)
    resp.headers["Location"] = f"{mirror}/releases/{name}"
    return resp
