# category: xss
# label: safe
# source: Jinja docs: API, "Autoescaping" (autoescape defaults to False; select_autoescape recommended)
# note: the Environment uses select_autoescape(['html', 'xml']), so form values rendered into entry.html are HTML-escaped.

from flask import Flask, request
from jinja2 import Environment, PackageLoader, select_autoescape

app = Flask(__name__)
env = Environment(loader=PackageLoader("guestbook", "templates"), autoescape=select_autoescape(["html", "xml"]))


@app.route("/guestbook/sign", methods=["POST"])
def sign():
    entry = {"author": request.form["author"], "message": request.form["message"]}
    template = env.get_template("entry.html")
    return template.render(entry=entry)
