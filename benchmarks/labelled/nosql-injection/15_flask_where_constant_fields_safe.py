# category: nosql-injection
# label: safe
# source: MongoDB Manual: $where (query operator); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: none
# note: Every part of the $where f-string is a module constant; no request data reaches the JavaScript.
from flask import Flask, jsonify
from pymongo import MongoClient

app = Flask(__name__)
quotas = MongoClient()["platform"]["quotas"]
METRIC_FIELD = "storage_bytes"
LIMIT_FIELD = "limit"


@app.get("/admin/over-quota")
def over_quota():
    cursor = quotas.find(
        {"$where": f"this.{METRIC_FIELD} > this.{LIMIT_FIELD}"},
        {"_id": 0, "tenant": 1},
    )
    return jsonify(list(cursor))
