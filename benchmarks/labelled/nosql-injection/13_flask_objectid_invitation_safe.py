# category: nosql-injection
# label: safe
# source: PyMongo docs: bson.objectid.ObjectId (raises InvalidId/TypeError for non-ObjectId input); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: none
# note: The invite_id is converted to bson.ObjectId (400 on failure), so only a literal ObjectId can reach the filter.
from datetime import datetime, timezone

from bson import ObjectId
from bson.errors import InvalidId
from flask import Flask, abort, g, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient()["teams"]


@app.post("/invitations/accept")
def accept_invitation():
    try:
        invite_id = ObjectId(request.get_json()["invite_id"])
    except (InvalidId, TypeError):
        abort(400)
    invite = db.invitations.find_one(
        {"_id": invite_id, "expires_at": {"$gt": datetime.now(timezone.utc)}}
    )
    if invite is None:
        abort(404)
    db.memberships.insert_one({"team_id": invite["team_id"], "user_id": g.user_id})
    return jsonify(team_id=str(invite["team_id"]))
