# category: unsafe-deserialization
# label: safe
# source: Python docs: marshal, warning ("Never unmarshal data received from an untrusted or unauthenticated source.")
# note: the same payload is decoded as JSON, which yields only plain data.
import base64
import json


def handler(event, context):
    payload = base64.b64decode(event["body"])
    metrics = json.loads(payload)
    total = sum(metrics.get("counts", []))
    return {"statusCode": 200, "body": json.dumps({"total": total})}
