# category: nosql-injection
# label: vulnerable
# source: MongoEngine docs: Querying the database, "Raw queries" (__raw__); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: 24
# note: The email and OTP from the JSON body go into a __raw__ query, so {"$ne": ""} as otp skips the second factor.
from flask import Flask, abort, jsonify, request
from mongoengine import BooleanField, Document, StringField, connect

connect("auth")
app = Flask(__name__)


class PendingLogin(Document):
    email = StringField(required=True)
    otp = StringField(required=True)
    used = BooleanField(default=False)


@app.post("/login/verify")
def verify_otp():
    data = request.get_json()
    email, otp = data.get("email"), data.get("otp")
    pending = PendingLogin.objects(
        __raw__={"email": email, "otp": otp, "used": False}
    ).first()
    if pending is None:
        abort(401)
    pending.update(set__used=True)
    return jsonify(ok=True)
