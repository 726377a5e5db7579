# category: template-injection
# label: vulnerable
# source: CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
# expect: 17
# note: the signature template source comes straight from the submitted form and is compiled by jinja2.Template, giving the user full Jinja2 expression access (SSTI to RCE).

from flask import Flask, request
from jinja2 import Template

app = Flask(__name__)


@app.post("/settings/signature/preview")
def preview_signature():
    source = request.form["signature"]
    user = {"name": "Ada", "title": "Engineer"}
    rendered = Template(source, autoescape=True).render(user=user)
    return {"preview": rendered}
