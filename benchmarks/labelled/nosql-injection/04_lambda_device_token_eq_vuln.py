# category: nosql-injection
# label: vulnerable
# source: MongoDB Manual: $eq (query operator); OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6)
# expect: 17
# note: The Lambda body values are used directly as filter values, so {"$ne": null} as device_token authenticates as any device.
import json
import os

from pymongo import MongoClient

devices = MongoClient(os.environ["MONGODB_URI"])["iot"]["devices"]


def lambda_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    device = devices.find_one(
        {"serial": body.get("serial"), "device_token": body.get("device_token")}
    )
    if device is None:
        return {"statusCode": 401, "body": json.dumps({"error": "unknown device"})}
    devices.update_one({"_id": device["_id"]}, {"$set": {"firmware": str(body.get("firmware", ""))}})
    return {"statusCode": 204, "body": ""}
