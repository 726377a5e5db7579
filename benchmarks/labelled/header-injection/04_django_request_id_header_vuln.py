# category: header-injection
# label: vulnerable
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# expect: 13
# note: the trace_id query parameter is echoed into the X-Request-ID response header unvalidated; Django blocks raw newlines, but the value is still attacker-controlled data in a header that log/proxy tooling trusts.

from django.http import JsonResponse


def health(request):
    trace_id = request.GET.get("trace_id") or request.headers.get("X-Request-ID", "")
    response = JsonResponse({"status": "ok"})
    response.headers["X-Request-ID"] = trace_id
    return response
