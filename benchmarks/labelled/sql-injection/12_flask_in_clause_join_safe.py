# category: sql-injection
# label: safe
# source: Python docs: sqlite3, "How to use placeholders to bind values in SQL queries"
# expect: none
# note: The join only produces one '?' per value; the SKUs themselves are passed as bound parameters.
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
    placeholders = ", ".join("?" for _ in skus)
    sql = f"SELECT sku, name, stock FROM products WHERE sku IN ({placeholders})"
    rows = get_db().execute(sql, skus).fetchall()
    return jsonify([{"sku": r[0], "name": r[1], "stock": r[2]} for r in rows])
