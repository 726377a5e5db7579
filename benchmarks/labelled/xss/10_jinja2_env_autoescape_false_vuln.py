# category: xss
# label: vulnerable
# source: Jinja docs: API, "Autoescaping" (autoescape defaults to False; select_autoescape recommended)
# expect: 11,18
# note: the Environment is built with autoescape=False, so the guestbook author and message posted by users are rendered into entry.html unescaped (reflected XSS).

from flask import Flask, request
from jinja2 import Environment, PackageLoader

app = Flask(__name__)
env = Environment(loader=PackageLoader("guestbook", "templates"), autoescape=False)


@app.route("/guestbook/sign", methods=["POST"])
def sign():
    entry = {"author": request.form["author"], "message": request.form["message"]}
    template = env.get_template("entry.html")
    return template.render(entry=entry)
