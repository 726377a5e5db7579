# category: template-injection
# label: vulnerable
# source: CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
# expect: 14
# note: the campaign query parameter is put into the template source with an f-string before engines['django'].from_string compiles it, so {{ }} / {% %} in it are interpreted.

from django.http import HttpResponse
from django.template import engines


def welcome_banner(request):
    campaign = request.GET.get("campaign", "spring")
    source = f"<div class='banner'>Welcome to our {campaign} sale, {{{{ user.username }}}}!</div>"
    template = engines["django"].from_string(source)
    return HttpResponse(template.render({"user": request.user}, request))
