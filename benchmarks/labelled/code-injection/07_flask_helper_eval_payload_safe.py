# category: code-injection
# label: safe
# source: Python docs: json.loads; Bandit docs: B307 (blacklist call eval)
# expect: none
# note: The helper parses the body with json.loads(), which only builds data and never runs code.
import json

from flask import Flask, jsonify, request

app = Flask(__name__)


def parse_payload(raw: str):
    return json.loads(raw)


@app.post("/webhooks/inventory")
def inventory_webhook():
    payload = parse_payload(request.get_data(as_text=True))
    updated = [item["sku"] for item in payload.get("items", [])]
    return jsonify(updated=updated)
