# category: code-injection
# label: vulnerable
# source: SonarSource rule S5334 "Dynamic code execution should not be vulnerable to injection attacks" (compliant solution: allow-list)
# expect: 20
# note: The action field of the Lambda body is put into an eval() call expression, so any expression can be sent in place of a function name.
import json


def create_user(payload):
    return {"created": payload.get("email")}


def delete_user(payload):
    return {"deleted": payload.get("user_id")}


def lambda_handler(event, context):
    body = json.loads(event["body"])
    action = body.get("action", "")
    result = eval(f"{action}(body)")
    return {"statusCode": 200, "body": json.dumps(result)}
