# category: trust-boundary-violation
# label: safe
# source: CWE-501: Trust Boundary Violation, Demonstrative Example 1 (request parameter stored in the session without validation)
# note: the session gets the username of the account that authenticate() verified against the password, not the raw form value.

import os

from flask import Flask, abort, redirect, request, session, url_for

from .auth import authenticate

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.route("/welcome", methods=["POST"])
def welcome():
    user = authenticate(request.form["username"], request.form["password"])
    if user is None:
        abort(401)
    session["username"] = user.username
    return redirect(url_for("dashboard"))
