# category: header-injection
# label: vulnerable
# source: CWE-113, Demonstrative Example 1 (request parameter written into a Set-Cookie response header)
# expect: 16
# note: theme is formatted into a hand-written Set-Cookie header, so '; Domain=...; Expires=...' injects cookie attributes, and CR/LF splits the response on lenient servers.

from flask import Flask, make_response, redirect, request, url_for

app = Flask(__name__)


@app.route("/prefs/theme")
def set_theme():
    theme = request.args.get("theme", "light")
    resp = make_response(redirect(url_for("index")))
    resp.headers["Set-Cookie"] = f"theme={theme}; Path=/; SameSite=Lax"
    return resp
