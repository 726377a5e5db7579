# category: template-injection
# label: vulnerable
# source: PortSwigger Web Security Academy: Server-side template injection, "What is server-side template injection?"
# expect: 15
# note: the name query parameter is interpolated into the template source with an f-string, so {{ ... }} in it is evaluated by Jinja2 (SSTI).

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string(f"<h1>Hello {name}!</h1>")
