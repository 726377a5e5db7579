# category: nosql-injection
# label: safe
# source: MongoEngine docs: Querying the database, "Raw queries" (__raw__); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: none
# note: Both values must be str and the OTP must be exactly six digits before the __raw__ query runs.
import re

from flask import Flask, abort, jsonify, request
from mongoengine import BooleanField, Document, StringField, connect

connect("auth")
app = Flask(__name__)
OTP_RE = re.compile(r"\d{6}")


class PendingLogin(Document):
    email = StringField(required=True)
    otp = StringField(required=True)
    used = BooleanField(default=False)


@app.post("/login/verify")
def verify_otp():
    data = request.get_json()
    email, otp = data.get("email"), data.get("otp")
    if not isinstance(email, str) or not isinstance(otp, str) or not OTP_RE.fullmatch(otp):
        abort(400)
    pending = PendingLogin.objects(
        __raw__={"email": email, "otp": otp, "used": False}
    ).first()
    if pending is None:
        abort(401)
    pending.update(set__used=True)
    return jsonify(ok=True)
