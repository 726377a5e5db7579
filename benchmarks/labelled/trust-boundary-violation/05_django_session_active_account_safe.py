# category: trust-boundary-violation
# label: safe
# source: CWE-501: Trust Boundary Violation, Demonstrative Example 1
# note: the id is int-cast and looked up among the requesting user's own accounts (404 otherwise); only that row's pk is stored.

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect


@login_required
def switch_account(request):
    account_id = request.GET["account"]
    account = get_object_or_404(request.user.accounts, pk=int(account_id))
    request.session["active_account_id"] = account.pk
    return redirect("dashboard")
