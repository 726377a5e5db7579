# category: unsafe-deserialization
# label: safe
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust."); Django docs: Cryptographic signing (django.core.signing.dumps / loads)
# note: django.core.signing serialises with JSON and checks an HMAC under SECRET_KEY, so tokens can neither be forged nor carry objects.
from django.core import signing
from django.http import JsonResponse


def share_filters(request):
    filters = {k: v for k, v in request.GET.items() if k in {"status", "owner", "tag"}}
    token = signing.dumps(filters, salt="saved-filters")
    return JsonResponse({"token": token})


def apply_saved_filters(request):
    token = request.GET.get("filters", "")
    try:
        filters = signing.loads(token, salt="saved-filters") if token else {}
    except signing.BadSignature:
        filters = {}
    return JsonResponse({"filters": filters})
