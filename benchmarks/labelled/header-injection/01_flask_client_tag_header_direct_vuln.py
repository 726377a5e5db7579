# category: header-injection
# label: vulnerable
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# expect: 15
# note: the tag query parameter is copied verbatim into a response header; current Werkzeug rejects CR/LF, but on older stacks %0d%0a splits the response, and the value is attacker-chosen either way.

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/echo")
def echo():
    resp = jsonify(status="ok")
    resp.headers["X-Client-Tag"] = request.args.get("tag", "")
    return resp
