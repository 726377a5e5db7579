# category: header-injection
# label: safe
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# note: everything except [A-Za-z0-9_-] is removed (CR/LF included) and the value is truncated before it is placed in the header.

import re

from flask import Flask, jsonify, request

app = Flask(__name__)

NOT_TAG_CHARS = re.compile(r"[^A-Za-z0-9_-]")


@app.route("/api/echo")
def echo():
    resp = jsonify(status="ok")
    resp.headers["X-Client-Tag"] = NOT_TAG_CHARS.sub("", request.args.get("tag", ""))[:32]
    return resp
