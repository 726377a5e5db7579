# category: xss
# label: vulnerable
# source: OWASP Cross Site Scripting Prevention Cheat Sheet, "Output Encoding for HTML Contexts"
# expect: 13
# note: the city query-string parameter is .format()-ed into an HTML body that API Gateway returns with Content-Type text/html.

def handler(event, context):
    params = event.get("queryStringParameters") or {}
    city = params.get("city", "your area")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "body": "<html><body><h1>Weather for {}</h1></body></html>".format(city),
    }
