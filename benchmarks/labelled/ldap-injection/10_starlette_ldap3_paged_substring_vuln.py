# category: ldap-injection
# label: vulnerable
# source: OWASP LDAP Injection Prevention Cheat Sheet, "Search Filter Escaping"
# expect: 22
# note: The q parameter is concatenated between the substring wildcards, so it can close the component and probe any attribute.
import os

from ldap3 import Connection, Server
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

server = Server(os.environ["LDAP_URL"])
CONTACTS_BASE = "ou=contacts,dc=example,dc=org"


async def search_contacts(request):
    term = request.query_params.get("q", "")
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    entries = conn.extend.standard.paged_search(
        search_base=CONTACTS_BASE,
        search_filter="(|(cn=*" + term + "*)(mail=*" + term + "*))",
        attributes=["cn", "mail"],
        paged_size=100,
        generator=False,
    )
    return JSONResponse([e["attributes"]["cn"] for e in entries if e["type"] == "searchResEntry"])


app = Starlette(routes=[Route("/contacts", search_contacts)])
