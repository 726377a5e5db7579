# category: nosql-injection
# label: vulnerable
# source: SonarSource rule S5147 "NoSQL operations should not be vulnerable to injection attacks" (compliant solution: force string values); CWE-943
# expect: 17
# note: Values from the JSON body go straight into the find_one() filter, so {"$ne": ""} as token matches any pending reset.
from flask import Flask, jsonify, request
from pymongo import MongoClient
from werkzeug.security import generate_password_hash

app = Flask(__name__)
users = MongoClient("mongodb://localhost:27017")["app"]["users"]


@app.post("/api/reset-password")
def reset_password():
    body = request.get_json(force=True)
    user = users.find_one({"email": body["email"], "reset_token": body["token"]})
    if user is None:
        return jsonify(error="invalid or expired token"), 403
    users.update_one(
        {"_id": user["_id"]},
        {"$set": {"pw_hash": generate_password_hash(body["password"])}, "$unset": {"reset_token": ""}},
    )
    return jsonify(ok=True)
