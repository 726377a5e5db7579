# category: ldap-injection
# label: safe
# source: python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars); CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')
# expect: none
# note: The group name goes through ldap.filter.escape_filter_chars() before it is concatenated.
import ldap
from django.conf import settings
from django.http import JsonResponse
from django.views import View
from ldap.filter import escape_filter_chars


class GroupMembersView(View):
    def get(self, request, group):
        conn = ldap.initialize(settings.LDAP_URI)
        conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
        flt = "(&(objectClass=groupOfNames)(cn=" + escape_filter_chars(group) + "))"
        results = conn.search_s(settings.LDAP_GROUP_BASE, ldap.SCOPE_SUBTREE, flt, ["member"])
        members = [m.decode() for _, attrs in results for m in attrs.get("member", [])]
        return JsonResponse({"group": group, "members": members})
