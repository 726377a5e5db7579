# category: nosql-injection
# label: safe
# source: MongoDB Manual: $where (query operator, evaluates a JavaScript expression); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: none
# note: The $where JavaScript is a constant; the owner (always a str from request.args) is an ordinary equality field next to it.
from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
projects = MongoClient()["tracker"]["projects"]


@app.get("/api/projects/open-seats")
def projects_with_open_seats():
    owner = request.args.get("owner", "")
    docs = projects.find(
        {"owner": owner, "visibility": "public", "$where": "this.seats_used < this.seats_total"},
        {"_id": 0, "name": 1, "owner": 1},
    )
    return jsonify(list(docs))
