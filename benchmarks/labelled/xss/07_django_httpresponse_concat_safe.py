# category: xss
# label: safe
# source: Django docs: Security in Django, "Cross site scripting (XSS) protection"
# note: django.utils.html.escape() encodes the email parameter before it is concatenated into the hand-built HTML.

from django.http import HttpResponse
from django.utils.html import escape


def unsubscribe_done(request):
    email = request.GET.get("email", "")
    html = "<p>" + escape(email) + " has been removed from the mailing list.</p>"
    return HttpResponse(html)
