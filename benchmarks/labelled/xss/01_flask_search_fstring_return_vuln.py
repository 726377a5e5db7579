# category: xss
# label: vulnerable
# source: Flask docs: Quickstart, "HTML Escaping"
# expect: 15
# note: the q parameter is put into an HTML string returned by the view (text/html) without escaping, so this is reflected XSS.

from flask import Flask, request

app = Flask(__name__)


@app.route("/search")
def search():
    query = request.args.get("q", "")
    return f"<p>No results for <b>{query}</b></p>"
