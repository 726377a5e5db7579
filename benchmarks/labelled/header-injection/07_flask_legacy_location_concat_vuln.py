# category: header-injection
# label: vulnerable
# source: OWASP Community: Attacks, "HTTP Response Splitting"
# expect: 15
# note: the decoded path segment (which may hold %0d%0a) is concatenated into a hand-set Location header; this is the classic response-splitting shape, now blocked by Werkzeug's newline check but not by older or raw WSGI stacks.

from flask import Flask, make_response

app = Flask(__name__)


@app.route("/legacy/<path:old_path>")
def legacy(old_path):
    resp = make_response("", 301)
    resp.headers["Location"] = "/v2/" + old_path
    return resp
