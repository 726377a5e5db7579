# category: code-injection
# label: safe
# source: OWASP Community: Code Injection (www-community/attacks/Code_Injection); CWE-94: Improper Control of Generation of Code ('Code Injection')
# expect: none
# note: The POST value only selects one of a fixed set of constant formulas (400 otherwise); user numbers arrive as float/int in the namespace.
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

FORMULAS = {"gross": "price * qty", "net": "price * qty / 1.2", "unit": "price"}


@require_POST
def price_preview(request):
    formula = request.POST.get("formula", "gross")
    if formula not in FORMULAS:
        return HttpResponseBadRequest("unknown formula")
    namespace = {"price": float(request.POST["price"]), "qty": int(request.POST["qty"])}
    exec(f"result = {FORMULAS[formula]}", {"__builtins__": {}}, namespace)
    return JsonResponse({"result": namespace["result"]})
