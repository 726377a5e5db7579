# category: template-injection
# label: vulnerable
# source: James Kettle, "Server-Side Template Injection: RCE for the modern webapp" (PortSwigger Research, Black Hat USA 2015)
# expect: 19
# note: the greeting cookie is concatenated into template source compiled by app.jinja_env.from_string, and cookies are fully attacker-controlled.

from flask import Flask, request

app = Flask(__name__)


def greeting_for(word):
    return "{% if user %}" + word + ", {{ user }}!{% endif %}"


@app.route("/dashboard")
def dashboard():
    word = request.cookies.get("greeting", "Hello")
    tmpl = app.jinja_env.from_string(greeting_for(word))
    return tmpl.render(user="ada")
