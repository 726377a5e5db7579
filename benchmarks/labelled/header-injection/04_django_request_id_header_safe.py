# category: header-injection
# label: safe
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# note: trace_id is parsed as a UUID and re-serialised (a fresh uuid4 if that fails), so only canonical UUID text reaches the header.

import uuid

from django.http import JsonResponse


def health(request):
    trace_id = request.GET.get("trace_id") or request.headers.get("X-Request-ID", "")
    try:
        trace_id = str(uuid.UUID(trace_id))
    except ValueError:
        trace_id = str(uuid.uuid4())
    response = JsonResponse({"status": "ok"})
    response.headers["X-Request-ID"] = trace_id
    return response
