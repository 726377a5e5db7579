# category: header-injection
# label: safe
# source: OWASP Community: Attacks, "HTTP Response Splitting"
# note: urllib.parse.quote() percent-encodes CR, LF and every other reserved character of the path before it goes into Location.

from urllib.parse import quote

from flask import Flask, make_response

app = Flask(__name__)


@app.route("/legacy/<path:old_path>")
def legacy(old_path):
    resp = make_response("", 301)
    resp.headers["Location"] = "/v2/" + quote(old_path, safe="/")
    return resp
