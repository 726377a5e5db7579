# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# expect: 22
# note: after login, the next form field, which an attacker can prefill through the login link, is passed unchecked to redirect().

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import login_user

from .auth import authenticate

app = Flask(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = authenticate(request.form["username"], request.form["password"])
        if user is not None:
            login_user(user)
            next_url = request.form.get("next") or url_for("dashboard")
            return redirect(next_url)
        flash("Invalid credentials")
    return render_template("login.html", next=request.args.get("next", ""))
