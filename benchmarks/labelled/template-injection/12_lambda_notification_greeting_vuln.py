# category: template-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide v4.2, WSTG-INPV-18 Testing for Server-side Template Injection
# expect: 17
# note: the greeting field from the Lambda event body is prepended to the template source, so a greeting like {{ cycler.__init__.__globals__ }} runs in Jinja2.

import json

from jinja2 import BaseLoader, Environment

env = Environment(loader=BaseLoader(), autoescape=True)


def handler(event, context):
    body = json.loads(event["body"])
    greeting = body.get("greeting", "Hello")
    template = env.from_string(greeting + ", {{ name }}! Your order has shipped.")
    message = template.render(name=body.get("name", "customer"))
    return {"statusCode": 200, "body": json.dumps({"message": message})}
