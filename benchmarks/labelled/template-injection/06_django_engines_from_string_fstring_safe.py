# category: template-injection
# label: safe
# source: CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
# note: the template source is a constant string and campaign is passed in the render context, where the Django engine autoescapes it.

from django.http import HttpResponse
from django.template import engines


def welcome_banner(request):
    campaign = request.GET.get("campaign", "spring")
    source = "<div class='banner'>Welcome to our {{ campaign }} sale, {{ user.username }}!</div>"
    template = engines["django"].from_string(source)
    return HttpResponse(template.render({"user": request.user, "campaign": campaign}, request))
