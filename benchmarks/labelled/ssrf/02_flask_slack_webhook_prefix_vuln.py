# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); PortSwigger Web Security Academy lab: "SSRF with whitelist-based input filter"
# expect: 17
# note: startswith("https://hooks.slack.com") is bypassed by https://hooks.slack.com.attacker.net/ or https://hooks.slack.com@10.0.0.5/, so the POST goes to any host.
import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.post("/integrations/slack/test")
def test_slack_webhook():
    webhook_url = request.get_json(force=True).get("webhook_url", "")
    if not webhook_url.startswith("https://hooks.slack.com"):
        abort(400, "Only Slack webhooks are supported")
    resp = requests.post(webhook_url, json={"text": "Test message from Acme"}, timeout=5)
    return jsonify(ok=resp.ok, status=resp.status_code)
