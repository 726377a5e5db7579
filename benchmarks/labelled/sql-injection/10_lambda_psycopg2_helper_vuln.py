# category: sql-injection
# label: vulnerable
# source: psycopg2 docs: Basic module usage, "Passing parameters to SQL queries" and "The problem with the query parameters"
# expect: 17
# note: The Lambda query-string status reaches a same-module helper that puts it into the SQL with an f-string.
import json
import os

import psycopg2

TABLE = "invoices"
COLUMNS = "id, customer_id, amount_cents, status"


def find_invoices(conn, status):
    with conn.cursor() as cur:
        cur.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE status = '{status}'")
        return cur.fetchall()


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    status = params.get("status", "open")
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    try:
        rows = find_invoices(conn, status)
    finally:
        conn.close()
    return {"statusCode": 200, "body": json.dumps([list(r) for r in rows], default=str)}
