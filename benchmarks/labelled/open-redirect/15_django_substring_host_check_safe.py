# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# note: url_has_allowed_host_and_scheme() parses the URL and accepts only relative URLs or https URLs whose host is shop.example.com.

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def continue_checkout(request):
    return_url = request.GET.get("return_url", "/")
    if not url_has_allowed_host_and_scheme(return_url, allowed_hosts={"shop.example.com"}, require_https=True):
        return_url = "/"
    return HttpResponseRedirect(return_url)
