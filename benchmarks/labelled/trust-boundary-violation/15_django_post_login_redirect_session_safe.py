# category: trust-boundary-violation
# label: safe
# source: CWE-501: Trust Boundary Violation; OWASP Unvalidated Redirects and Forwards Cheat Sheet
# note: next is checked with url_has_allowed_host_and_scheme() against the request host before it is stored, falling back to '/'.

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .oauth import build_authorize_url


def start_oauth(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    request.session["post_login_redirect"] = next_url
    return redirect(build_authorize_url(request))
