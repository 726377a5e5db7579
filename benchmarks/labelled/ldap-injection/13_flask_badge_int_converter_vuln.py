# category: ldap-injection
# label: vulnerable
# source: Flask docs: Quickstart, "Variable Rules" (int converter); CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')
# expect: 19
# note: The <badge_id> route segment is a free-form string, so '*' turns the employeeNumber filter into a wildcard that returns every employee.
import os

from flask import Flask, jsonify
from ldap3 import Connection, Server

app = Flask(__name__)
server = Server(os.environ["LDAP_URL"])
PEOPLE_DN = "ou=people,dc=example,dc=org"


@app.get("/api/badges/<badge_id>")
def badge_owner(badge_id):
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)
    conn.search(PEOPLE_DN, f"(employeeNumber={badge_id})", attributes=["cn", "departmentNumber"])
    return jsonify([e.entry_attributes_as_dict for e in conn.entries])
