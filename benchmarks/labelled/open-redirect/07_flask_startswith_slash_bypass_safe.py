# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Dangerous URL Redirects"
# note: the target must fully match a single-slash local path made only of safe characters: no //, no backslash, no whitespace or control characters.

import re

from flask import Flask, redirect, request

app = Flask(__name__)

LOCAL_PATH = re.compile(r"/(?!/)[\w\-./?=&%]*")


@app.route("/continue")
def continue_to():
    target = request.args.get("to", "/")
    if not LOCAL_PATH.fullmatch(target):
        target = "/"
    return redirect(target)
