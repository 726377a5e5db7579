# category: path-traversal
# label: vulnerable
# source: CWE-22 (cwe.mitre.org/data/definitions/22.html), Demonstrative Examples (relative path appended to a fixed directory)
# expect: 13
# note: the template query parameter reaches open() through load_template unchecked, so ?template=../../../proc/self/environ returns the function's environment (including AWS credentials).
import os

TEMPLATE_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def load_template(name):
    path = os.path.join(TEMPLATE_ROOT, name)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    body = load_template(params.get("template", "welcome.html"))
    return {"statusCode": 200, "headers": {"Content-Type": "text/html"}, "body": body}
