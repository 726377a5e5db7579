# category: sql-injection
# label: vulnerable
# source: SQLAlchemy 2.0 docs: Unified Tutorial, "Working with Transactions and the DBAPI", "Sending Parameters" (text() with :name bound parameters)
# expect: 22
# note: The FastAPI query parameter q is put into the text() SQL with an f-string, so a quote ends the LIKE literal.
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
        text(f"SELECT id, name, price FROM products WHERE name ILIKE '%{q}%'"),
    ).mappings().all()
    return {"results": [dict(r) for r in rows]}
