# category: code-injection
# label: safe
# source: Python docs: built-in compile(); CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')
# expect: none
# note: The threshold is converted with float() before it enters the source, so the expression is always 'amount > <number>'.
from django.http import JsonResponse
from django.views import View

from .models import Transaction


class ThresholdAlertView(View):
    def post(self, request):
        src = f"amount > {float(request.POST['threshold'])}"
        check = compile(src, "<alert-rule>", "eval")
        flagged = []
        for tx in Transaction.objects.order_by("-created_at")[:500]:
            if eval(check, {"__builtins__": {}}, {"amount": float(tx.amount)}):
                flagged.append(tx.pk)
        return JsonResponse({"flagged": flagged})
