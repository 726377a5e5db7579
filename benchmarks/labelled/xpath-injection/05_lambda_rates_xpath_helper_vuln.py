# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: 15
# note: Both query-string values are %-formatted into the XPath inside a same-module helper called from the Lambda handler.
import json

from lxml import etree

RATES = etree.parse("rates.xml")


def rate_for(region, plan):
    expr = "//region[@code='%s']/plan[@name='%s' and not(@internal)]/@price" % (region, plan)
    result = RATES.xpath(expr)
    return str(result[0]) if result else None


def lambda_handler(event, context):
    qs = event.get("queryStringParameters") or {}
    price = rate_for(qs.get("region", "eu"), qs.get("plan", "basic"))
    return {"statusCode": 200 if price else 404, "body": json.dumps({"price": price})}
