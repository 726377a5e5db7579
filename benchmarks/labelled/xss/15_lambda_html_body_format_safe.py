# category: xss
# label: safe
# source: OWASP Cross Site Scripting Prevention Cheat Sheet, "Output Encoding for HTML Contexts"
# note: html.escape() encodes city before it is formatted into the HTML body.

import html


def handler(event, context):
    params = event.get("queryStringParameters") or {}
    city = params.get("city", "your area")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "body": "<html><body><h1>Weather for {}</h1></body></html>".format(html.escape(city)),
    }
