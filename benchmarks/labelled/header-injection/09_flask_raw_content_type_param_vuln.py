# category: header-injection
# label: vulnerable
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# expect: 17
# note: the type query parameter becomes the Content-Type of a stored user file, so type=text/html turns an upload into script on our origin, with CRLF splitting on lenient stacks.

from flask import Flask, make_response, request

from .storage import load_file_bytes

app = Flask(__name__)


@app.route("/files/<int:file_id>/raw")
def raw_file(file_id):
    resp = make_response(load_file_bytes(file_id))
    resp.headers["Content-Type"] = request.args.get("type", "application/octet-stream")
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp
