# category: trust-boundary-violation
# label: vulnerable
# source: CWE-501: Trust Boundary Violation, Demonstrative Example 1
# expect: 14
# note: any account id from the query string becomes the session's active account, so views that scope data by session['active_account_id'] expose other tenants.

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect


@login_required
def switch_account(request):
    account_id = request.GET["account"]
    request.session["active_account_id"] = account_id
    return redirect("dashboard")
