# category: xss
# label: vulnerable
# source: MarkupSafe docs: "String Formatting" (%-formatting a Markup object escapes the arguments)
# expect: 16
# note: the str is %-formatted first and only then wrapped in Markup, so a quote in alt breaks out of the attribute (e.g. " onerror=...).

from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/avatar/<username>")
def avatar(username):
    alt = request.args.get("alt", username)
    img = Markup('<img src="/static/avatars/%s.png" alt="%s">' % (username, alt))
    return render_template("avatar.html", img=img)
