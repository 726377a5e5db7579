# category: code-injection
# label: safe
# source: SonarSource rule S5334 "Dynamic code execution should not be vulnerable to injection attacks" (compliant solution: allow-list)
# expect: none
# note: The action must be one of two known function names before the eval(), so the expression is always one of two fixed calls.
import json

ALLOWED_ACTIONS = {"create_user", "delete_user"}


def create_user(payload):
    return {"created": payload.get("email")}


def delete_user(payload):
    return {"deleted": payload.get("user_id")}


def lambda_handler(event, context):
    body = json.loads(event["body"])
    action = body.get("action", "")
    if action not in ALLOWED_ACTIONS:
        return {"statusCode": 400, "body": json.dumps({"error": "unknown action"})}
    result = eval(f"{action}(body)")
    return {"statusCode": 200, "body": json.dumps(result)}
