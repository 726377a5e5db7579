# category: ldap-injection
# label: safe
# source: python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars)
# expect: none
# note: ldap.filter.filter_format() escapes each value before putting it into the filter template.
import ldap
import ldap.filter
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def directory_search(request):
    email = request.GET.get("email", "")
    conn = ldap.initialize(settings.LDAP_URI)
    conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
    results = conn.search_s(
        "ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE,
        ldap.filter.filter_format("(mail=%s)", [email]),
        ["cn", "telephoneNumber"],
    )
    return JsonResponse({"results": [{"dn": dn, "cn": a["cn"][0].decode()} for dn, a in results]})
