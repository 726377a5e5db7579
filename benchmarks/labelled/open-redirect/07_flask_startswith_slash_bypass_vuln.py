# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# expect: 17
# note: checking only startswith('/') still lets protocol-relative //evil.example and /\evil.example through, and browsers treat both as off-site.

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/continue")
def continue_to():
    target = request.args.get("to", "/")
    if not target.startswith("/"):
        target = "/"
    return redirect(target)
