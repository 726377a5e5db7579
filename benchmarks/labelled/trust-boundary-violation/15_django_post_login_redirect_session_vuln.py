# category: trust-boundary-violation
# label: vulnerable
# source: CWE-501: Trust Boundary Violation; OWASP Unvalidated Redirects and Forwards Cheat Sheet
# expect: 13
# note: the next parameter is parked in the session before the OAuth dance, and the callback later redirects to session['post_login_redirect'] as if it were trusted.

from django.shortcuts import redirect

from .oauth import build_authorize_url


def start_oauth(request):
    request.session["post_login_redirect"] = request.GET.get("next", "/")
    return redirect(build_authorize_url(request))
