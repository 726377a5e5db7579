# category: ldap-injection
# label: safe
# source: RFC 4515, Section 3 (the characters * ( ) \ NUL must be escaped in assertion values); python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars)
# expect: none
# note: Each uid is escaped with escape_filter_chars() inside the join, so the OR filter contains only equality tests.
import os

import ldap
from flask import Flask, jsonify, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)
PEOPLE_BASE = "ou=people,dc=example,dc=org"


@app.get("/api/people")
def people():
    uids = request.args.getlist("uid")
    flt = "(|" + "".join(f"(uid={escape_filter_chars(u)})" for u in uids) + ")"
    conn = ldap.initialize(os.environ["LDAP_URI"])
    conn.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])
    results = conn.search_s(PEOPLE_BASE, ldap.SCOPE_ONELEVEL, flt, ["cn", "mail"])
    return jsonify({dn: {k: v[0].decode() for k, v in attrs.items()} for dn, attrs in results})
