# category: ldap-injection
# label: vulnerable
# source: OWASP LDAP Injection Prevention Cheat Sheet, "Defense Option 1: Escape all variables using the right LDAP encoding function"; ldap3 ldap3.utils.conv.escape_filter_chars (RFC 4515)
# expect: 20
# note: The username form field is put into the ldap3 search filter with an f-string, so '*' or '*)(uid=*' widens the search to the whole directory.
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
server = Server("ldaps://ldap.example.org")
BASE_DN = "ou=people,dc=example,dc=org"


@app.post("/api/users/lookup")
def lookup_user():
    username = request.form["username"]
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(BASE_DN, f"(&(objectClass=inetOrgPerson)(uid={username}))", SUBTREE,
                attributes=["cn", "mail"])
    return jsonify([e.entry_attributes_as_dict for e in conn.entries])
