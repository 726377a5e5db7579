# category: sql-injection
# label: safe
# source: psycopg2 docs: Basic module usage, "Passing parameters to SQL queries" and "The problem with the query parameters"
# expect: none
# note: The helper passes status as a %s query parameter; the f-string only joins module constants (columns and table).
import json
import os

import psycopg2

TABLE = "invoices"
COLUMNS = "id, customer_id, amount_cents, status"


def find_invoices(conn, status):
    with conn.cursor() as cur:
        cur.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE status = %s", (status,))
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
