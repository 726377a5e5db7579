# category: ldap-injection
# label: safe
# source: OWASP Web Security Testing Guide, "Testing for LDAP Injection" (WSTG-INPV-06); python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars)
# expect: none
# note: Both values are escaped with escape_filter_chars() before the %-template is filled.
import os

import ldap
from flask import Flask, jsonify, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)
PEOPLE_BASE = "ou=people,dc=example,dc=org"


@app.post("/password-reset/verify")
def verify_identity():
    uid, mail = request.form["uid"], request.form["mail"]
    conn = ldap.initialize(os.environ["LDAP_URI"])
    conn.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])
    flt = "(&(uid=%s)(mail=%s))" % tuple(escape_filter_chars(v) for v in (uid, mail))
    found = conn.search_ext_s(PEOPLE_BASE, ldap.SCOPE_SUBTREE, flt, ["uid"], sizelimit=2)
    return jsonify(match=len(found) == 1)
