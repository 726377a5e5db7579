# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# note: the node name must be one of the cluster's known hosts before it is placed in the URL.
import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
STATUS_PORT = 8081
NODES = {"node-a.cluster.local", "node-b.cluster.local", "node-c.cluster.local"}


@app.route("/admin/node-status")
def node_status():
    node = request.args["node"]
    if node not in NODES:
        abort(404)
    resp = requests.get(f"http://{node}:{STATUS_PORT}/status", timeout=2)
    return jsonify(node=node, status=resp.text)
