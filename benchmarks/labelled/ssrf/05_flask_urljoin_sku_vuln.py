# category: ssrf
# label: vulnerable
# source: Python docs: urllib.parse.urljoin, warning ("generally not secure to use urljoin with an attacker-controlled url"); OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# expect: 19
# note: urljoin returns the second argument when it is absolute or scheme-relative, so ?sku=//attacker.example/ or http://169.254.169.254/ replaces the inventory host.
from urllib.parse import urljoin

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
INVENTORY_API = "http://inventory.internal:8080/api/v2/items/"


@app.route("/stock")
def stock():
    sku = request.args.get("sku", "")
    url = urljoin(INVENTORY_API, sku)
    resp = requests.get(url, timeout=3)
    return jsonify(resp.json())
