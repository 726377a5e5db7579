# category: trust-boundary-violation
# label: vulnerable
# source: Fortify Taxonomy (vulncat): "Trust Boundary Violation"; CWE-501
# expect: 15
# note: the role form field is stored in the session unchecked, so a user can pick role=admin and every session['role'] check is bypassed.

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.post("/onboarding/complete")
def complete_onboarding():
    role = request.form.get("role", "viewer")
    session["role"] = role
    return redirect(url_for("home"))
