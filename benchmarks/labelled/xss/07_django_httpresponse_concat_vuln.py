# category: xss
# label: vulnerable
# source: Django docs: Security in Django, "Cross site scripting (XSS) protection"
# expect: 13
# note: the HTML is built by hand from request.GET and returned with HttpResponse, which skips template autoescaping, so this is reflected XSS.

from django.http import HttpResponse


def unsubscribe_done(request):
    email = request.GET.get("email", "")
    html = "<p>" + email + " has been removed from the mailing list.</p>"
    return HttpResponse(html)
