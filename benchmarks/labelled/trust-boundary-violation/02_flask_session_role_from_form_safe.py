# category: trust-boundary-violation
# label: safe
# source: Fortify Taxonomy (vulncat): "Trust Boundary Violation"; CWE-501
# note: the role must be one of the self-service roles (viewer/editor) before it is stored; anything else is rejected.

from flask import Flask, abort, redirect, request, session, url_for

app = Flask(__name__)

SELF_SERVICE_ROLES = {"viewer", "editor"}


@app.post("/onboarding/complete")
def complete_onboarding():
    role = request.form.get("role", "viewer")
    if role not in SELF_SERVICE_ROLES:
        abort(400)
    session["role"] = role
    return redirect(url_for("home"))
