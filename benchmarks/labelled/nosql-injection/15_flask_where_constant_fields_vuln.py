# category: nosql-injection
# label: vulnerable
# source: MongoDB Manual: $where (query operator); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: 18
# note: The metric field name from the query string is put into the $where JavaScript, so any expression can be injected.
from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
quotas = MongoClient()["platform"]["quotas"]
LIMIT_FIELD = "limit"


@app.get("/admin/over-quota")
def over_quota():
    metric = request.args.get("metric", "storage_bytes")
    cursor = quotas.find(
        {"$where": f"this.{metric} > this.{LIMIT_FIELD}"},
        {"_id": 0, "tenant": 1},
    )
    return jsonify(list(cursor))
