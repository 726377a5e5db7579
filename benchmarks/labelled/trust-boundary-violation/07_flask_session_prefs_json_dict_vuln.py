# category: trust-boundary-violation
# label: vulnerable
# source: CWE-501: Trust Boundary Violation
# expect: 16
# note: timezone and locale from the JSON body (read with dict .get) are stored in the session unvalidated, for later use in ZoneInfo() lookups and template selection.

from flask import Flask, jsonify, request, session

app = Flask(__name__)


@app.post("/api/preferences")
def save_preferences():
    payload = request.get_json(force=True) or {}
    prefs = {"timezone": payload.get("timezone"), "locale": payload.get("locale")}
    session["prefs"] = prefs
    return jsonify(ok=True)
