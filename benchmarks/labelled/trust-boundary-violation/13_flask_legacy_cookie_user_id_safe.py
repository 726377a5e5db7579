# category: trust-boundary-violation
# label: safe
# source: CWE-501: Trust Boundary Violation; CWE-565: Reliance on Cookies without Validation and Integrity Checking
# note: the legacy cookie is verified with an itsdangerous signature and max age, and only the verified payload is stored.

import os

from flask import Flask, request, session
from itsdangerous import BadSignature, URLSafeTimedSerializer

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
legacy_signer = URLSafeTimedSerializer(os.environ["LEGACY_COOKIE_KEY"], salt="legacy-uid")


@app.before_request
def adopt_legacy_cookie():
    legacy_user = request.cookies.get("legacy_uid")
    if legacy_user and "user_id" not in session:
        try:
            session["user_id"] = legacy_signer.loads(legacy_user, max_age=30 * 24 * 3600)
        except BadSignature:
            pass
