# category: trust-boundary-violation
# label: safe
# source: Django docs: How to use sessions, "Using sessions in views"; CWE-501
# note: the step is int-cast and clamped to 1-4 before being formatted into the session value.

from django.shortcuts import redirect
from django.views import View


class CheckoutStepView(View):
    def post(self, request):
        step = max(1, min(int(request.POST["step"]), 4))
        request.session["checkout_step"] = "step-%d" % step
        return redirect("checkout:wizard")
