# category: trust-boundary-violation
# label: vulnerable
# source: Django docs: How to use sessions, "Using sessions in views"; CWE-501
# expect: 14
# note: the coupon code typed by the user is stored in request.session unchecked, and checkout code later treats session['discount_code'] as already validated.

from django.shortcuts import redirect
from django.views.decorators.http import require_POST


@require_POST
def apply_coupon(request):
    code = request.POST.get("coupon", "")
    request.session["discount_code"] = code
    return redirect("checkout:summary")
