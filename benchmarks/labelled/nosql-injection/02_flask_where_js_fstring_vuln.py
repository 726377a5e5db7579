# category: nosql-injection
# label: vulnerable
# source: MongoDB Manual: $where (query operator, evaluates a JavaScript expression); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: 17
# note: The owner query parameter is put inside the $where JavaScript with an f-string, so "' || true || '" also returns private projects.
from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
projects = MongoClient()["tracker"]["projects"]


@app.get("/api/projects/open-seats")
def projects_with_open_seats():
    owner = request.args.get("owner", "")
    docs = projects.find(
        {"$where": f"this.owner == '{owner}' && this.visibility == 'public' && this.seats_used < this.seats_total"},
        {"_id": 0, "name": 1, "owner": 1},
    )
    return jsonify(list(docs))
