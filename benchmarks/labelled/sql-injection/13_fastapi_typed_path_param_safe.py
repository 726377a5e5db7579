# category: sql-injection
# label: safe
# source: FastAPI docs: Path Parameters, "Path parameters with types" and "Data validation"
# expect: none
# note: order_id is declared as int, so FastAPI rejects anything that is not an integer before the handler runs.
import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/orders/{order_id}")
def get_order(order_id: int):
    conn = sqlite3.connect("shop.db")
    row = conn.execute(f"SELECT id, status, total FROM orders WHERE id = {order_id}").fetchone()
    conn.close()
    if row is None:
        raise HTTPException(status_code=404)
    return {"id": row[0], "status": row[1], "total": row[2]}
