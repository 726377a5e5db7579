# category: nosql-injection
# label: vulnerable
# source: PyMongo docs: bson.objectid.ObjectId (raises InvalidId/TypeError for non-ObjectId input); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: 19
# note: The invite_id from the JSON body is used as the _id filter value, so {"$ne": null} accepts some other team's active invitation.
from datetime import datetime, timezone

from flask import Flask, abort, g, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient()["teams"]


@app.post("/invitations/accept")
def accept_invitation():
    invite_id = request.get_json()["invite_id"]
    invite = db.invitations.find_one(
        {"_id": invite_id, "expires_at": {"$gt": datetime.now(timezone.utc)}}
    )
    if invite is None:
        abort(404)
    db.memberships.insert_one({"team_id": invite["team_id"], "user_id": g.user_id})
    return jsonify(team_id=str(invite["team_id"]))
