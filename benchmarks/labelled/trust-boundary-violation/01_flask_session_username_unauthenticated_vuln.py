# category: trust-boundary-violation
# label: vulnerable
# source: CWE-501: Trust Boundary Violation, Demonstrative Example 1 (request parameter stored in the session without validation)
# expect: 17
# note: the posted username goes straight into the signed session, so later code that trusts session['username'] as the logged-in identity can be spoofed.

import os

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.route("/welcome", methods=["POST"])
def welcome():
    session["username"] = request.form["username"]
    return redirect(url_for("dashboard"))
