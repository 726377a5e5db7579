# category: ldap-injection
# label: safe
# source: OWASP LDAP Injection Prevention Cheat Sheet, "Defense Option 1: Escape all variables using the right LDAP encoding function"
# expect: none
# note: The value in the template dict is escaped with escape_filter_chars() (imported as ldap_escape) first.
from django.conf import settings
from django.http import JsonResponse
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars as ldap_escape

server = Server(settings.LDAP_URL)


def find_by_phone(request):
    phone = request.GET.get("phone", "")
    search_filter = "(telephoneNumber=%(phone)s)" % {"phone": ldap_escape(phone)}
    conn = Connection(server, settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD, auto_bind=True)
    conn.search(search_base=settings.LDAP_PEOPLE_DN, search_filter=search_filter, attributes=["cn"])
    return JsonResponse({"names": [str(e.cn) for e in conn.entries]})
