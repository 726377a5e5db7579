# category: unsafe-deserialization
# label: vulnerable
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust.")
# expect: 18
# note: the prefs cookie is fully client-controlled and is unpickled, so a crafted cookie with a __reduce__ payload runs code on the server.
import base64
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)
DEFAULT_PREFS = {"theme": "light", "lang": "en"}


@app.route("/dashboard/prefs")
def dashboard_prefs():
    raw = request.cookies.get("prefs")
    prefs = pickle.loads(base64.b64decode(raw)) if raw else DEFAULT_PREFS
    resp = jsonify(prefs)
    resp.set_cookie("prefs", base64.b64encode(pickle.dumps(prefs)).decode())
    return resp
