# category: header-injection
# label: vulnerable
# source: PEP 3333, "The start_response() Callable" (header values must not contain control characters, including CR or LF)
# expect: 15
# note: parse_qs() decodes %0d%0a, and the lang value is passed straight into the start_response header list with no framework check in between (response splitting on servers that do not validate).

from urllib.parse import parse_qs


def application(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    lang = params.get("lang", ["en"])[0]
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Language", lang),
    ]
    start_response("200 OK", headers)
    return [b"hello"]
