# category: open-redirect
# label: safe
# source: RFC 6749 (OAuth 2.0), Section 10.15 "Open Redirectors"; RFC 9700 (OAuth 2.0 Security BCP), Section 4.1 "Insufficient Redirect URI Validation"
# note: redirect_uri must exactly match one of the client's pre-registered redirect URIs before the code is issued and the redirect happens.

from flask import Flask, abort, redirect, request
from flask_login import current_user, login_required

from .oauth import get_client, issue_authorization_code

app = Flask(__name__)


@app.route("/oauth/authorize")
@login_required
def authorize():
    redirect_uri = request.args["redirect_uri"]
    if redirect_uri not in get_client(request.args["client_id"]).redirect_uris:
        abort(400)
    code = issue_authorization_code(current_user.id, request.args["client_id"])
    return redirect("%s?code=%s" % (redirect_uri, code))
