# category: trust-boundary-violation
# label: vulnerable
# source: Fortify Taxonomy (vulncat): "Trust Boundary Violation"
# expect: 13
# note: the plan query parameter reaches the session through a same-module helper with no check, so billing code that prices session['selected_plan'] can be fed arbitrary plan ids.

from flask import Flask, render_template, request, session

app = Flask(__name__)


def remember_plan(plan):
    session["selected_plan"] = plan


@app.route("/signup")
def signup():
    remember_plan(request.args.get("plan", "starter"))
    return render_template("signup.html")
