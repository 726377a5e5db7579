# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# note: next is resolved against the app's own host_url and used only if the absolute result has our scheme and host; otherwise the user goes to the dashboard.

from urllib.parse import urljoin, urlparse

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import login_user

from .auth import authenticate

app = Flask(__name__)


def safe_next(target):
    joined = urljoin(request.host_url, target)
    parsed = urlparse(joined)
    if parsed.scheme in ("http", "https") and parsed.netloc == urlparse(request.host_url).netloc:
        return joined
    return url_for("dashboard")


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = authenticate(request.form["username"], request.form["password"])
        if user is not None:
            login_user(user)
            next_url = safe_next(request.form.get("next") or url_for("dashboard"))
            return redirect(next_url)
        flash("Invalid credentials")
    return render_template("login.html", next=request.args.get("next", ""))
