# category: code-injection
# label: vulnerable
# source: Python docs: built-in compile(); CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')
# expect: 15, 18
# note: The threshold form field is put into Python source that is compiled and evaluated for every transaction.
from django.http import JsonResponse
from django.views import View

from .models import Transaction


class ThresholdAlertView(View):
    def post(self, request):
        src = f"amount > {request.POST['threshold']}"
        check = compile(src, "<alert-rule>", "eval")
        flagged = []
        for tx in Transaction.objects.order_by("-created_at")[:500]:
            if eval(check, {"__builtins__": {}}, {"amount": float(tx.amount)}):
                flagged.append(tx.pk)
        return JsonResponse({"flagged": flagged})
