# category: unsafe-deserialization
# label: safe
# source: jsonpickle docs: Security warning ("jsonpickle should be treated the same as the Python stdlib pickle module from a security perspective")
# note: the cart is parsed with json.loads, which never constructs Python objects.
import json

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/cart/restore")
def restore_cart():
    cart = json.loads(request.get_data(as_text=True))
    return jsonify(items=len(cart.get("items", [])), total=cart.get("total", 0))
