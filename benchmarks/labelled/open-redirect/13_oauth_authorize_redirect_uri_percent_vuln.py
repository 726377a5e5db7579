# category: open-redirect
# label: vulnerable
# source: RFC 6749 (OAuth 2.0), Section 10.15 "Open Redirectors"; RFC 9700 (OAuth 2.0 Security BCP), Section 4.1 "Insufficient Redirect URI Validation"
# expect: 20
# note: the authorization endpoint %-formats the unvalidated redirect_uri into the redirect, sending the user and a fresh authorization code to any host.

from flask import Flask, redirect, request
from flask_login import current_user, login_required

from .oauth import issue_authorization_code

app = Flask(__name__)


@app.route("/oauth/authorize")
@login_required
def authorize():
    redirect_uri = request.args["redirect_uri"]
    code = issue_authorization_code(current_user.id, request.args["client_id"])
    return redirect("%s?code=%s" % (redirect_uri, code))
