# category: sql-injection
# label: vulnerable
# source: FastAPI docs: Path Parameters, "Path parameters with types" and "Data validation"
# expect: 16
# note: order_id is declared as str, so any path text (e.g. '0 OR 1=1') goes into the f-string SQL.
import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/orders/{order_id}")
def get_order(order_id: str):
    conn = sqlite3.connect("shop.db")
    row = conn.execute(f"SELECT id, status, total FROM orders WHERE id = {order_id}").fetchone()
    conn.close()
    if row is None:
        raise HTTPException(status_code=404)
    return {"id": row[0], "status": row[1], "total": row[2]}
