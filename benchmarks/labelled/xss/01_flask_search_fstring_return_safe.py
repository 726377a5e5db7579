# category: xss
# label: safe
# source: Flask docs: Quickstart, "HTML Escaping"
# note: markupsafe.escape() encodes the query before it is interpolated into the HTML response.

from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/search")
def search():
    query = request.args.get("q", "")
    return f"<p>No results for <b>{escape(query)}</b></p>"
