# category: code-injection
# label: vulnerable
# source: OWASP Community: Code Injection (www-community/attacks/Code_Injection); CWE-94: Improper Control of Generation of Code ('Code Injection')
# expect: 14
# note: The POSTed formula is put into exec(); an empty __builtins__ is no sandbox (object-graph escapes reach os).
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def price_preview(request):
    formula = request.POST.get("formula", "price * qty")
    namespace = {"price": float(request.POST["price"]), "qty": int(request.POST["qty"])}
    exec(f"result = {formula}", {"__builtins__": {}}, namespace)
    return JsonResponse({"result": namespace["result"]})
