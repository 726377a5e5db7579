# category: header-injection
# label: safe
# source: CWE-113, Demonstrative Example 1 (request parameter written into a Set-Cookie response header)
# note: theme is checked against a two-value allow-list before it is formatted into Set-Cookie.

from flask import Flask, make_response, redirect, request, url_for

app = Flask(__name__)


@app.route("/prefs/theme")
def set_theme():
    theme = request.args.get("theme", "light")
    if theme not in ("light", "dark"):
        theme = "light"
    resp = make_response(redirect(url_for("index")))
    resp.headers["Set-Cookie"] = f"theme={theme}; Path=/; SameSite=Lax"
    return resp
