# category: ldap-injection
# label: vulnerable
# source: OWASP LDAP Injection Prevention Cheat Sheet, "Defense Option 1: Escape all variables using the right LDAP encoding function"
# expect: 17
# note: The phone query parameter fills a %(name)s template dict and the result is passed as ldap3 search_filter=, unescaped.
from django.conf import settings
from django.http import JsonResponse
from ldap3 import Connection, Server

server = Server(settings.LDAP_URL)


def find_by_phone(request):
    phone = request.GET.get("phone", "")
    search_filter = "(telephoneNumber=%(phone)s)" % {"phone": phone}
    conn = Connection(server, settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD, auto_bind=True)
    conn.search(search_base=settings.LDAP_PEOPLE_DN, search_filter=search_filter, attributes=["cn"])
    return JsonResponse({"names": [str(e.cn) for e in conn.entries]})
