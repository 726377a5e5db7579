# category: ldap-injection
# label: safe
# source: CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection'); ldap3 ldap3.utils.conv.escape_filter_chars
# expect: none
# note: The helper escapes the employee id with escape_filter_chars() before building the filter.
import json
import os

from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

server = Server(os.environ["LDAP_URL"], use_ssl=True)
STAFF_DN = "ou=staff,dc=example,dc=org"


def find_manager(conn, employee_id):
    conn.search(STAFF_DN, f"(employeeID={escape_filter_chars(employee_id)})", attributes=["manager"])
    return conn.entries[0].manager.value if conn.entries else None


def lambda_handler(event, context):
    employee_id = event["pathParameters"]["employeeId"]
    with Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True) as conn:
        manager = find_manager(conn, employee_id)
    return {"statusCode": 200, "body": json.dumps({"manager": manager})}
