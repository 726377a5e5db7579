# category: trust-boundary-violation
# label: safe
# source: Django docs: How to use sessions, "Using sessions in views"; CWE-501
# note: only the primary key of an active Coupon found in the database is stored, so the session holds a server-derived value.

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .models import Coupon


@require_POST
def apply_coupon(request):
    code = request.POST.get("coupon", "")
    coupon = Coupon.objects.filter(code=code, active=True).first()
    if coupon is not None:
        request.session["coupon_id"] = coupon.pk
    return redirect("checkout:summary")
