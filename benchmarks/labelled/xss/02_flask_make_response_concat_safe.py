# category: xss
# label: safe
# source: OWASP Cross Site Scripting Prevention Cheat Sheet, "Output Encoding for HTML Contexts"
# note: html.escape() encodes the name (including quotes) before it is concatenated into the HTML body.

import html

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/greet", methods=["POST"])
def greet():
    name = request.form["name"]
    resp = make_response("<h1>Welcome, " + html.escape(name) + "</h1>")
    resp.headers["Cache-Control"] = "no-store"
    return resp
