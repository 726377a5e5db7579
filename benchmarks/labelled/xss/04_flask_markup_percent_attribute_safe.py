# category: xss
# label: safe
# source: MarkupSafe docs: "String Formatting" (%-formatting a Markup object escapes the arguments)
# note: the % operator is applied to a Markup template, so MarkupSafe escapes username and alt (quotes included) before inserting them.

from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/avatar/<username>")
def avatar(username):
    alt = request.args.get("alt", username)
    img = Markup('<img src="/static/avatars/%s.png" alt="%s">') % (username, alt)
    return render_template("avatar.html", img=img)
