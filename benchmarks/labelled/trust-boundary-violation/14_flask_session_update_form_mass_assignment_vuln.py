# category: trust-boundary-violation
# label: vulnerable
# source: OWASP Mass Assignment Cheat Sheet; CWE-501
# expect: 14
# note: session.update(request.form.to_dict()) lets the client write any session key, including user_id or is_admin.

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.post("/wizard/company")
def wizard_company():
    session.update(request.form.to_dict())
    return redirect(url_for("wizard_billing"))
