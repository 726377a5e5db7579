# category: trust-boundary-violation
# label: vulnerable
# source: Django docs: How to use sessions, "Using sessions in views"; CWE-501
# expect: 13
# note: the hidden step field is concatenated into the session's checkout step, so a client can jump to 'step-4' (payment done) or store arbitrary text.

from django.shortcuts import redirect
from django.views import View


class CheckoutStepView(View):
    def post(self, request):
        request.session["checkout_step"] = "step-" + request.POST["step"]
        return redirect("checkout:wizard")
