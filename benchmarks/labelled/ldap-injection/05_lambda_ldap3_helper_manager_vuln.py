# category: ldap-injection
# label: vulnerable
# source: CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection'); ldap3 ldap3.utils.conv.escape_filter_chars
# expect: 16
# note: The employeeId path parameter goes to a same-module helper that puts it into the search filter unescaped.
import json
import os

from ldap3 import Connection, Server

server = Server(os.environ["LDAP_URL"], use_ssl=True)
STAFF_DN = "ou=staff,dc=example,dc=org"


def find_manager(conn, employee_id):
    conn.search(STAFF_DN, f"(employeeID={employee_id})", attributes=["manager"])
    return conn.entries[0].manager.value if conn.entries else None


def lambda_handler(event, context):
    employee_id = event["pathParameters"]["employeeId"]
    with Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True) as conn:
        manager = find_manager(conn, employee_id)
    return {"statusCode": 200, "body": json.dumps({"manager": manager})}
