# category: unsafe-deserialization
# label: vulnerable
# source: Python docs: marshal, warning ("Never unmarshal data received from an untrusted or unauthenticated source.")
# expect: 13
# note: the request body is unmarshalled, a format the docs say is not secure against maliciously constructed data.
import base64
import json
import marshal


def handler(event, context):
    payload = base64.b64decode(event["body"])
    metrics = marshal.loads(payload)
    total = sum(metrics.get("counts", []))
    return {"statusCode": 200, "body": json.dumps({"total": total})}
