# category: trust-boundary-violation
# label: safe
# source: OWASP Mass Assignment Cheat Sheet; CWE-501
# note: only the country (checked against an allow-list) and the employee count (int-cast) are written, under fixed keys.

from flask import Flask, abort, redirect, request, session, url_for

app = Flask(__name__)

COUNTRIES = {"US", "GB", "DE", "FR", "NL"}


@app.post("/wizard/company")
def wizard_company():
    country = request.form.get("country", "")
    if country not in COUNTRIES:
        abort(400)
    session.update({"country": country, "employees": int(request.form.get("employees", "1"))})
    return redirect(url_for("wizard_billing"))
