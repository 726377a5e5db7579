# category: open-redirect
# label: vulnerable
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect'), Demonstrative Examples (redirect to a "url" request parameter)
# expect: 15
# note: the next query parameter goes straight into redirect(), so /logout?next=https://evil.example sends users to any site.

from flask import Flask, redirect, request, session

app = Flask(__name__)


@app.route("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("next", "/"))
