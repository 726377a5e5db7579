# category: trust-boundary-violation
# label: safe
# source: Fortify Taxonomy (vulncat): "Trust Boundary Violation"
# note: the helper stores the plan only if it is one of the PLANS constants and falls back to 'starter' otherwise.

from flask import Flask, render_template, request, session

app = Flask(__name__)

PLANS = {"starter", "team", "business"}


def remember_plan(plan):
    session["selected_plan"] = plan if plan in PLANS else "starter"


@app.route("/signup")
def signup():
    remember_plan(request.args.get("plan", "starter"))
    return render_template("signup.html")
