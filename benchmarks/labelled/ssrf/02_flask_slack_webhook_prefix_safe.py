# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); PortSwigger Web Security Academy lab: "SSRF with whitelist-based input filter"
# note: the URL is parsed and its scheme and exact hostname are compared, so look-alike hosts and userinfo tricks are rejected.
from urllib.parse import urlparse

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.post("/integrations/slack/test")
def test_slack_webhook():
    webhook_url = request.get_json(force=True).get("webhook_url", "")
    parsed = urlparse(webhook_url)
    if parsed.scheme != "https" or parsed.hostname != "hooks.slack.com":
        abort(400, "Only Slack webhooks are supported")
    resp = requests.post(webhook_url, json={"text": "Test message from Acme"}, timeout=5)
    return jsonify(ok=resp.ok, status=resp.status_code)
