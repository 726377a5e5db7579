# category: open-redirect
# label: safe
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect'); Django 3.0 release notes (is_safe_url() renamed url_has_allowed_host_and_scheme())
# note: url_has_allowed_host_and_scheme() with the request's own host (and https when the request is secure) rejects off-site targets, falling back to '/'.

from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def sign_out(request):
    logout(request)
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return HttpResponseRedirect(target)
