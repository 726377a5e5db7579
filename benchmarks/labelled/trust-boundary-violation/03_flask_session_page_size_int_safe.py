# category: trust-boundary-violation
# label: safe
# source: CWE-501: Trust Boundary Violation; Flask docs: Quickstart, "Sessions"
# note: the value is cast to int and clamped to 10-100 before it crosses into the session.

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.route("/settings/page-size")
def page_size():
    session["page_size"] = max(10, min(int(request.args.get("n", "25")), 100))
    return redirect(url_for("index"))
