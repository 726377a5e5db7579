# category: nosql-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); Werkzeug docs: request.form is a MultiDict of str values
# expect: 17
# note: The code comes from request.get_json(), so {"$gt": ""} redeems any unredeemed invite.
from flask import Flask, abort, jsonify, request
from pymongo import MongoClient, ReturnDocument

app = Flask(__name__)
invites = MongoClient()["workspace"]["invites"]


@app.post("/invites/redeem")
def redeem_invite():
    code = request.get_json()["code"]
    invite = invites.find_one_and_update(
        {"code": code, "redeemed": False},
        {"$set": {"redeemed": True}},
        return_document=ReturnDocument.AFTER,
    )
    if invite is None:
        abort(404)
    return jsonify(workspace=invite["workspace_id"])
