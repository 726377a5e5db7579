# category: unsafe-deserialization
# label: vulnerable
# source: jsonpickle docs: Security warning ("jsonpickle should be treated the same as the Python stdlib pickle module from a security perspective")
# expect: 14
# note: jsonpickle.decode on the request body instantiates arbitrary py/object and py/reduce entries, which amounts to code execution.
import jsonpickle
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/cart/restore")
def restore_cart():
    cart = jsonpickle.decode(request.get_data(as_text=True))
    return jsonify(items=len(cart.get("items", [])), total=cart.get("total", 0))
