# category: nosql-injection
# label: safe
# source: SonarSource rule S5147 "NoSQL operations should not be vulnerable to injection attacks" (compliant solution: force string values); CWE-943
# expect: none
# note: Both values are converted with str() first, so a JSON object becomes a literal string and cannot act as a query operator.
from flask import Flask, jsonify, request
from pymongo import MongoClient
from werkzeug.security import generate_password_hash

app = Flask(__name__)
users = MongoClient("mongodb://localhost:27017")["app"]["users"]


@app.post("/api/reset-password")
def reset_password():
    body = request.get_json(force=True)
    user = users.find_one({"email": str(body["email"]), "reset_token": str(body["token"])})
    if user is None:
        return jsonify(error="invalid or expired token"), 403
    users.update_one(
        {"_id": user["_id"]},
        {"$set": {"pw_hash": generate_password_hash(body["password"])}, "$unset": {"reset_token": ""}},
    )
    return jsonify(ok=True)
