# category: xss
# label: vulnerable
# source: OWASP Cross Site Scripting Prevention Cheat Sheet, "Output Encoding for HTML Contexts"
# expect: 15
# note: the posted name is concatenated into the HTML body passed to make_response, which is served as text/html without encoding.

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/greet", methods=["POST"])
def greet():
    name = request.form["name"]
    resp = make_response("<h1>Welcome, " + name + "</h1>")
    resp.headers["Cache-Control"] = "no-store"
    return resp
