# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Preventing Unvalidated Redirects and Forwards"
# expect: 22
# note: the same-module helper returns the raw continue parameter, and the SSO callback redirects to it.

from flask import Flask, redirect, request, url_for
from flask_login import login_user

from .sso import verify_sso_token

app = Flask(__name__)


def _post_auth_destination():
    return request.args.get("continue") or url_for("home")


@app.route("/sso/callback")
def sso_callback():
    login_user(verify_sso_token(request.args["token"]))
    return redirect(_post_auth_destination())
