# category: unsafe-deserialization
# label: vulnerable
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust."); Django docs: Cryptographic signing (django.core.signing.dumps / loads)
# expect: 20
# note: the shareable filter token is a bare base64 pickle, so anyone can forge a token whose unpickling runs code.
import base64
import pickle

from django.http import JsonResponse


def share_filters(request):
    filters = {k: v for k, v in request.GET.items() if k in {"status", "owner", "tag"}}
    token = base64.urlsafe_b64encode(pickle.dumps(filters)).decode()
    return JsonResponse({"token": token})


def apply_saved_filters(request):
    token = request.GET.get("filters", "")
    filters = pickle.loads(base64.urlsafe_b64decode(token)) if token else {}
    return JsonResponse({"filters": filters})
