# category: template-injection
# label: safe
# source: James Kettle, "Server-Side Template Injection: RCE for the modern webapp" (PortSwigger Research, Black Hat USA 2015)
# note: the cookie only selects a key; the text concatenated into the template always comes from the constant GREETINGS allow-list.

from flask import Flask, request

app = Flask(__name__)

GREETINGS = {"en": "Hello", "fr": "Bonjour", "de": "Hallo"}


def greeting_for(word):
    return "{% if user %}" + word + ", {{ user }}!{% endif %}"


@app.route("/dashboard")
def dashboard():
    word = GREETINGS.get(request.cookies.get("lang", "en"), "Hello")
    tmpl = app.jinja_env.from_string(greeting_for(word))
    return tmpl.render(user="ada")
