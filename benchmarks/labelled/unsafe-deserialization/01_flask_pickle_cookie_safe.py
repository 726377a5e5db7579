# category: unsafe-deserialization
# label: safe
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust.")
# note: the cookie is decoded with json, which can only produce plain dicts, lists, strings and numbers.
import base64
import json

from flask import Flask, jsonify, request

app = Flask(__name__)
DEFAULT_PREFS = {"theme": "light", "lang": "en"}


@app.route("/dashboard/prefs")
def dashboard_prefs():
    raw = request.cookies.get("prefs")
    prefs = json.loads(base64.b64decode(raw)) if raw else DEFAULT_PREFS
    resp = jsonify(prefs)
    resp.set_cookie("prefs", base64.b64encode(json.dumps(prefs).encode()).decode())
    return resp
