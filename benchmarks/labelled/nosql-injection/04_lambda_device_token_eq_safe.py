# category: nosql-injection
# label: safe
# source: MongoDB Manual: $eq (query operator); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: none
# note: Each value is wrapped in an explicit $eq, so a JSON object is compared literally instead of being read as an operator.
import json
import os

from pymongo import MongoClient

devices = MongoClient(os.environ["MONGODB_URI"])["iot"]["devices"]


def lambda_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    device = devices.find_one(
        {"serial": {"$eq": body.get("serial")}, "device_token": {"$eq": body.get("device_token")}}
    )
    if device is None:
        return {"statusCode": 401, "body": json.dumps({"error": "unknown device"})}
    devices.update_one({"_id": device["_id"]}, {"$set": {"firmware": str(body.get("firmware", ""))}})
    return {"statusCode": 204, "body": ""}
