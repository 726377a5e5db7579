# category: header-injection
# label: safe
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# note: the Content-Type comes from a constant mapping keyed by the parameter, defaulting to application/octet-stream.

from flask import Flask, make_response, request

from .storage import load_file_bytes

app = Flask(__name__)

CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "txt": "text/plain; charset=utf-8"}


@app.route("/files/<int:file_id>/raw")
def raw_file(file_id):
    resp = make_response(load_file_bytes(file_id))
    resp.headers["Content-Type"] = CONTENT_TYPES.get(request.args.get("type"), "application/octet-stream")
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
