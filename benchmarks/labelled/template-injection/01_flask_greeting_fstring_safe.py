# category: template-injection
# label: safe
# source: PortSwigger Web Security Academy: Server-side template injection, "What is server-side template injection?"
# note: the template is a constant and the name travels as a context variable, which Jinja2 renders as escaped data, never as template code.

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)
