# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# expect: 14
# note: the substring/startswith check is bypassable (https://evil.example/?shop.example.com, //evil.example), so HttpResponseRedirect still goes off-site.

from django.http import HttpResponseRedirect


def continue_checkout(request):
    return_url = request.GET.get("return_url", "/")
    if "shop.example.com" not in return_url and not return_url.startswith("/"):
        return_url = "/"
    return HttpResponseRedirect(return_url)
