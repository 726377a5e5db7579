# category: xss
# label: safe
# source: MarkupSafe docs: "String Formatting" (Markup as a format string escapes its arguments); Flask docs: Templates, "Controlling Autoescaping"
# note: Markup('...{}...').format(msg) keeps only the literal markup safe and escapes msg while formatting.

from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/notice")
def notice():
    msg = request.args.get("msg", "")
    banner = Markup("<div class='notice'>{}</div>").format(msg)
    return render_template("notice.html", banner=banner)
