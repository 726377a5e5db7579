# category: code-injection
# label: vulnerable
# source: Python docs: json.loads; Bandit docs: B307 (blacklist call eval)
# expect: 12
# note: The raw webhook body goes to a same-module helper that parses it with eval().
from flask import Flask, jsonify, request

app = Flask(__name__)


def parse_payload(raw: str):
    return eval(raw)


@app.post("/webhooks/inventory")
def inventory_webhook():
    payload = parse_payload(request.get_data(as_text=True))
    updated = [item["sku"] for item in payload.get("items", [])]
    return jsonify(updated=updated)
