# category: ldap-injection
# label: vulnerable
# source: CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')
# expect: 22
# note: The group DN comes from the query string and is put into the memberOf filter unescaped.
import os

from flask import Flask, jsonify, request
from ldap3 import Connection, Server

app = Flask(__name__)
server = Server(os.environ["LDAP_URL"])
PEOPLE_DN = "ou=people,dc=example,dc=org"
OBJECT_CLASS = "inetOrgPerson"
ADMINS_GROUP_DN = "cn=admins,ou=groups,dc=example,dc=org"


@app.get("/api/group-members")
def group_members():
    group_dn = request.args.get("group", ADMINS_GROUP_DN)
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(PEOPLE_DN, f"(&(objectClass={OBJECT_CLASS})(memberOf={group_dn}))", attributes=["cn", "mail"])
    return jsonify([e.entry_attributes_as_dict for e in conn.entries])
