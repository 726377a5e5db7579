# category: path-traversal
# label: safe
# source: CWE-22 (cwe.mitre.org/data/definitions/22.html), Demonstrative Examples (relative path appended to a fixed directory)
# note: load_template canonicalises the path and refuses it unless os.path.commonpath shows it is still under TEMPLATE_ROOT.
import os

TEMPLATE_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def load_template(name):
    root = os.path.realpath(TEMPLATE_ROOT)
    path = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, path]) != root:
        raise ValueError(f"template outside {root}: {name!r}")
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    body = load_template(params.get("template", "welcome.html"))
    return {"statusCode": 200, "headers": {"Content-Type": "text/html"}, "body": body}
