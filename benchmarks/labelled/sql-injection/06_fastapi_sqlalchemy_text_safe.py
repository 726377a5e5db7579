# category: sql-injection
# label: safe
# source: SQLAlchemy 2.0 docs: Unified Tutorial, "Working with Transactions and the DBAPI", "Sending Parameters" (text() with :name bound parameters)
# expect: none
# note: text() carries a :pattern bind parameter; the f-string only builds the bound value '%q%', which is never parsed as SQL.
from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

engine = create_engine("postgresql+psycopg2://inventory@db/inventory")
app = FastAPI()


def get_conn():
    with engine.connect() as conn:
        yield conn


@app.get("/products/search")
def search_products(q: str, conn: Connection = Depends(get_conn)):
    rows = conn.execute(
        text("SELECT id, name, price FROM products WHERE name ILIKE :pattern"),
        {"pattern": f"%{q}%"},
    ).mappings().all()
    return {"results": [dict(r) for r in rows]}
