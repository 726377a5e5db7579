# category: ldap-injection
# label: vulnerable
# source: python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars); CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')
# expect: 17
# note: The group URL segment is concatenated into the groupOfNames filter, so ')(cn=*' or '*' returns other groups' members.
import ldap
from django.conf import settings
from django.http import JsonResponse
from django.views import View


class GroupMembersView(View):
    def get(self, request, group):
        conn = ldap.initialize(settings.LDAP_URI)
        conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
        flt = "(&(objectClass=groupOfNames)(cn=" + group + "))"
        results = conn.search_s(settings.LDAP_GROUP_BASE, ldap.SCOPE_SUBTREE, flt, ["member"])
        members = [m.decode() for _, attrs in results for m in attrs.get("member", [])]
        return JsonResponse({"group": group, "members": members})
