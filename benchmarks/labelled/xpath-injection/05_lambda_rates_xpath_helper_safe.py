# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: none
# note: The helper passes region and plan as XPath variables $region and $plan.
import json

from lxml import etree

RATES = etree.parse("rates.xml")


def rate_for(region, plan):
    expr = "//region[@code=$region]/plan[@name=$plan and not(@internal)]/@price"
    result = RATES.xpath(expr, region=region, plan=plan)
    return str(result[0]) if result else None


def lambda_handler(event, context):
    qs = event.get("queryStringParameters") or {}
    price = rate_for(qs.get("region", "eu"), qs.get("plan", "basic"))
    return {"statusCode": 200 if price else 404, "body": json.dumps({"price": price})}
