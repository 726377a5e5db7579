# category: sql-injection
# label: safe
# source: OWASP SQL Injection Prevention Cheat Sheet, "Defense Option 3: Allow-list Input Validation" (table/column names and sort order)
# expect: none
# note: The sort column is checked against a fixed allow-list (400 otherwise), and the direction is always one of two constants.
import sqlite3

from fastapi import FastAPI, HTTPException, Query

app = FastAPI()
SORTABLE_COLUMNS = {"created_at", "title", "priority"}


@app.get("/tickets")
def list_tickets(sort: str = Query("created_at"), direction: str = Query("asc")):
    if sort not in SORTABLE_COLUMNS:
        raise HTTPException(status_code=400, detail="invalid sort column")
    order = "DESC" if direction.lower() == "desc" else "ASC"
    conn = sqlite3.connect("tickets.db")
    rows = conn.execute(
        f"SELECT id, title, priority FROM tickets ORDER BY {sort} {order} LIMIT 50"
    ).fetchall()
    conn.close()
    return [{"id": r[0], "title": r[1], "priority": r[2]} for r in rows]
