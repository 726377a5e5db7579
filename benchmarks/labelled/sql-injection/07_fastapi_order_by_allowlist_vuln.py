# category: sql-injection
# label: vulnerable
# source: OWASP SQL Injection Prevention Cheat Sheet, "Defense Option 3: Allow-list Input Validation" (table/column names and sort order)
# expect: 18
# note: The sort column comes from the query string and is put unchecked into ORDER BY, where placeholders cannot be used.
import sqlite3

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/tickets")
def list_tickets(sort: str = Query("created_at"), direction: str = Query("asc")):
    order = "DESC" if direction.lower() == "desc" else "ASC"
    conn = sqlite3.connect("tickets.db")
    rows = conn.execute(
        f"SELECT id, title, priority FROM tickets ORDER BY {sort} {order} LIMIT 50"
    ).fetchall()
    conn.close()
    return [{"id": r[0], "title": r[1], "priority": r[2]} for r in rows]
