# category: xss
# label: vulnerable
# source: MarkupSafe docs: "String Formatting" (Markup as a format string escapes its arguments); Flask docs: Templates, "Controlling Autoescaping"
# expect: 16
# note: Markup(f'...{msg}...') marks the whole string, including the query parameter, as safe, so the template's autoescaping is bypassed.

from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/notice")
def notice():
    msg = request.args.get("msg", "")
    banner = Markup(f"<div class='notice'>{msg}</div>")
    return render_template("notice.html", banner=banner)
