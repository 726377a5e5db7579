# category: open-redirect
# label: safe
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect'), Demonstrative Examples (redirect to a "url" request parameter)
# note: next only names an endpoint, which is checked against an allow-list and turned into a local URL with url_for().

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)

NEXT_ENDPOINTS = {"index", "pricing", "docs"}


@app.route("/logout")
def logout():
    session.clear()
    endpoint = request.args.get("next", "index")
    if endpoint not in NEXT_ENDPOINTS:
        endpoint = "index"
    return redirect(url_for(endpoint))
