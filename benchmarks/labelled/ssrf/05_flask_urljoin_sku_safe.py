# category: ssrf
# label: safe
# source: Python docs: urllib.parse.urljoin, warning ("generally not secure to use urljoin with an attacker-controlled url"); OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# note: quote(sku, safe="") encodes ":" and "/", so the joined reference is always relative and stays on the inventory host.
from urllib.parse import quote, urljoin

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
INVENTORY_API = "http://inventory.internal:8080/api/v2/items/"


@app.route("/stock")
def stock():
    sku = request.args.get("sku", "")
    url = urljoin(INVENTORY_API, quote(sku, safe=""))
    resp = requests.get(url, timeout=3)
    return jsonify(resp.json())
