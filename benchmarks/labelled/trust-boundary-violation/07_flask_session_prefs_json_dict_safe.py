# category: trust-boundary-violation
# label: safe
# source: CWE-501: Trust Boundary Violation
# note: timezone is checked against zoneinfo.available_timezones() and locale against a fixed set, with defaults, before anything is stored.

from zoneinfo import available_timezones

from flask import Flask, jsonify, request, session

app = Flask(__name__)

LOCALES = {"en_US", "en_GB", "fr_FR", "de_DE"}


@app.post("/api/preferences")
def save_preferences():
    payload = request.get_json(force=True) or {}
    timezone = payload.get("timezone") if payload.get("timezone") in available_timezones() else "UTC"
    locale = payload.get("locale") if payload.get("locale") in LOCALES else "en_US"
    session["prefs"] = {"timezone": timezone, "locale": locale}
    return jsonify(ok=True)
