# category: trust-boundary-violation
# label: vulnerable
# source: CWE-501: Trust Boundary Violation; Flask docs: Quickstart, "Sessions"
# expect: 14
# note: the raw n query string is stored as the page size, and code reading the session (e.g. building a LIMIT clause) will treat it as a trusted number.

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.route("/settings/page-size")
def page_size():
    session["page_size"] = request.args.get("n", "25")
    return redirect(url_for("index"))
