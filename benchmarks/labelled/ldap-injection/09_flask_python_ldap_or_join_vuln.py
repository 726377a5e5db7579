# category: ldap-injection
# label: vulnerable
# source: RFC 4515, Section 3 (the characters * ( ) \ NUL must be escaped in assertion values); python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars)
# expect: 21
# note: Each repeated ?uid= value is joined into an OR filter without escaping, so one value can add any filter component.
import os

import ldap
from flask import Flask, jsonify, request

app = Flask(__name__)
PEOPLE_BASE = "ou=people,dc=example,dc=org"


@app.get("/api/people")
def people():
    uids = request.args.getlist("uid")
    flt = "(|" + "".join(f"(uid={u})" for u in uids) + ")"
    conn = ldap.initialize(os.environ["LDAP_URI"])
    conn.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])
    results = conn.search_s(PEOPLE_BASE, ldap.SCOPE_ONELEVEL, flt, ["cn", "mail"])
    return jsonify({dn: {k: v[0].decode() for k, v in attrs.items()} for dn, attrs in results})
