# category: trust-boundary-violation
# label: vulnerable
# source: CWE-501: Trust Boundary Violation; CWE-565: Reliance on Cookies without Validation and Integrity Checking
# expect: 19
# note: an unsigned legacy cookie value is copied into session['user_id'], so any client can become any user by setting legacy_uid.

import os

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.before_request
def adopt_legacy_cookie():
    legacy_user = request.cookies.get("legacy_uid")
    if legacy_user and "user_id" not in session:
        session["user_id"] = legacy_user
