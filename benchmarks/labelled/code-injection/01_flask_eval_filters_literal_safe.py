# category: code-injection
# label: safe
# source: Python docs: ast.literal_eval ("safely evaluate an expression node or a string containing a Python literal")
# expect: none
# note: ast.literal_eval() accepts only Python literals (dicts, strings, numbers, ...), so no call or name lookup can run.
import ast

from flask import Flask, jsonify, request

app = Flask(__name__)
PRODUCTS = [
    {"id": 1, "category": "books", "in_stock": True},
    {"id": 2, "category": "games", "in_stock": False},
]


@app.get("/api/products")
def list_products():
    filters = ast.literal_eval(request.args.get("filters", "{}"))
    if not isinstance(filters, dict):
        return jsonify(error="filters must be a dict"), 400
    items = [p for p in PRODUCTS if all(p.get(k) == v for k, v in filters.items())]
    return jsonify(items)
