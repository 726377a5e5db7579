# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# expect: 16
# note: ?node=169.254.169.254/latest/meta-data/iam/security-credentials/%23 makes the f-string URL point at the metadata service (the rest becomes a fragment).
import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
STATUS_PORT = 8081


@app.route("/admin/node-status")
def node_status():
    node = request.args["node"]
    resp = requests.get(f"http://{node}:{STATUS_PORT}/status", timeout=2)
    return jsonify(node=node, status=resp.text)
