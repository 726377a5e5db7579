# category: template-injection
# label: safe
# source: OWASP Web Security Testing Guide v4.2, WSTG-INPV-18 Testing for Server-side Template Injection
# note: greeting is passed as a render() variable of a constant template, so it is data only.

import json

from jinja2 import BaseLoader, Environment

env = Environment(loader=BaseLoader(), autoescape=True)


def handler(event, context):
    body = json.loads(event["body"])
    greeting = body.get("greeting", "Hello")
    template = env.from_string("{{ greeting }}, {{ name }}! Your order has shipped.")
    message = template.render(greeting=greeting, name=body.get("name", "customer"))
    return {"statusCode": 200, "body": json.dumps({"message": message})}
