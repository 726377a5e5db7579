# category: ldap-injection
# label: safe
# source: CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')
# expect: none
# note: Every part of the filter f-string is a module constant; no request data reaches it.
import os

from flask import Flask, jsonify
from ldap3 import Connection, Server

app = Flask(__name__)
server = Server(os.environ["LDAP_URL"])
PEOPLE_DN = "ou=people,dc=example,dc=org"
OBJECT_CLASS = "inetOrgPerson"
ADMINS_GROUP_DN = "cn=admins,ou=groups,dc=example,dc=org"


@app.get("/api/group-members")
def group_members():
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(PEOPLE_DN, f"(&(objectClass={OBJECT_CLASS})(memberOf={ADMINS_GROUP_DN}))", attributes=["cn", "mail"])
    return jsonify([e.entry_attributes_as_dict for e in conn.entries])
