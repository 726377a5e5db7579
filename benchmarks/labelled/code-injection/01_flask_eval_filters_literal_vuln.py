# category: code-injection
# label: vulnerable
# source: Python docs: ast.literal_eval ("safely evaluate an expression node or a string containing a Python literal")
# expect: 17
# note: The filters query parameter is passed to eval(), so '__import__("os").system(...)' runs on the server.
from flask import Flask, jsonify, request

app = Flask(__name__)
PRODUCTS = [
    {"id": 1, "category": "books", "in_stock": True},
    {"id": 2, "category": "games", "in_stock": False},
]


@app.get("/api/products")
def list_products():
    filters = eval(request.args.get("filters", "{}"))
    if not isinstance(filters, dict):
        return jsonify(error="filters must be a dict"), 400
    items = [p for p in PRODUCTS if all(p.get(k) == v for k, v in filters.items())]
    return jsonify(items)
