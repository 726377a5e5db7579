# category: open-redirect
# label: vulnerable
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect'); Django 3.0 release notes (is_safe_url() renamed url_has_allowed_host_and_scheme())
# expect: 14
# note: the next GET parameter is passed unchecked to HttpResponseRedirect, which accepts absolute http(s) URLs to any host.

from django.contrib.auth import logout
from django.http import HttpResponseRedirect


def sign_out(request):
    logout(request)
    target = request.GET.get("next", "/")
    return HttpResponseRedirect(target)
