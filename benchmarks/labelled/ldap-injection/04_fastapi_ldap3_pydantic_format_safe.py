# category: ldap-injection
# label: safe
# source: OWASP LDAP Injection Prevention Cheat Sheet, "Defense Option 1: Escape all variables using the right LDAP encoding function"; RFC 4515, Section 3 (string representation of search filters)
# expect: none
# note: Both fields are escaped with escape_filter_chars() before str.format() builds the filter.
import os

from fastapi import FastAPI
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars
from pydantic import BaseModel

app = FastAPI()
server = Server(os.environ["LDAP_URL"])
BASE_DN = "ou=devices,dc=example,dc=org"


class DeviceQuery(BaseModel):
    hostname: str
    site: str = "hq"


@app.post("/devices/lookup")
def lookup_device(q: DeviceQuery):
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    flt = "(&(objectClass=device)(cn={})(l={}))".format(escape_filter_chars(q.hostname), escape_filter_chars(q.site))
    conn.search(BASE_DN, flt, attributes=["ipHostNumber", "description"])
    return [e.entry_attributes_as_dict for e in conn.entries]
