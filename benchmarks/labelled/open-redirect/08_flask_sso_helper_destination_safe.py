# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Preventing Unvalidated Redirects and Forwards"
# note: the helper returns continue only if it is a relative path with no scheme or netloc (rejecting //, backslashes and tab-smuggled hosts), else url_for('home').

from urllib.parse import urlparse

from flask import Flask, redirect, request, url_for
from flask_login import login_user

from .sso import verify_sso_token

app = Flask(__name__)


def _is_local_path(target):
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    parts = urlparse(target)
    return not parts.scheme and not parts.netloc


def _post_auth_destination():
    target = request.args.get("continue", "")
    return target if _is_local_path(target) else url_for("home")


@app.route("/sso/callback")
def sso_callback():
    login_user(verify_sso_token(request.args["token"]))
    return redirect(_post_auth_destination())
