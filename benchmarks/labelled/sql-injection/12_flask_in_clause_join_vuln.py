# category: sql-injection
# label: vulnerable
# source: Python docs: sqlite3, "How to use placeholders to bind values in SQL queries"
# expect: 26
# note: Each repeated ?sku= value is quoted and joined into the IN (...) list, so one value can close the quote.
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("catalog.db")
    return g.db


@app.get("/products/batch")
def products_batch():
    skus = request.args.getlist("sku")
    if not skus:
        return jsonify([])
    sku_list = ", ".join(f"'{s}'" for s in skus)
    sql = f"SELECT sku, name, stock FROM products WHERE sku IN ({sku_list})"
    rows = get_db().execute(sql).fetchall()
    return jsonify([{"sku": r[0], "name": r[1], "stock": r[2]} for r in rows])
