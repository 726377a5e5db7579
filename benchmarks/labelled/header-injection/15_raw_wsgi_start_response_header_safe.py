# category: header-injection
# label: safe
# source: PEP 3333, "The start_response() Callable" (header values must not contain control characters, including CR or LF)
# note: lang is used only if it is in the SUPPORTED set, so the header value is always one of three constants.

from urllib.parse import parse_qs

SUPPORTED = {"en", "fr", "de"}


def application(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    lang = params.get("lang", ["en"])[0]
    if lang not in SUPPORTED:
        lang = "en"
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Language", lang),
    ]
    start_response("200 OK", headers)
    return [b"hello"]
