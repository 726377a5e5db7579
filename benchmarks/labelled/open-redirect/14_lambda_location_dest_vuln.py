# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# expect: 10
# note: the dest query-string parameter becomes the Location header of the API Gateway 302 response unchecked.

def handler(event, context):
    params = event.get("queryStringParameters") or {}
    destination = params.get("dest", "https://www.example.com/")
    return {"statusCode": 302, "headers": {"Location": destination}, "body": ""}
