# category: ldap-injection
# label: vulnerable
# source: OWASP LDAP Injection Prevention Cheat Sheet, "Distinguished Name Escaping"; RFC 4514, Section 2.4; ldap3 ldap3.utils.dn.escape_rdn
# expect: 18
# note: The username route segment is put into the search-base DN, so 'x,ou=admins' moves the search to another subtree.
import os

from flask import Flask, jsonify
from ldap3 import BASE, Connection, Server

app = Flask(__name__)
server = Server(os.environ["LDAP_URL"])


@app.get("/api/users/<username>/groups")
def user_groups(username):
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(f"uid={username},ou=people,dc=example,dc=org", "(objectClass=*)", BASE,
                attributes=["memberOf"])
    groups = conn.entries[0].memberOf.values if conn.entries else []
    return jsonify(groups=list(groups))
