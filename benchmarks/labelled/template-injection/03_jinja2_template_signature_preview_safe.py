# category: template-injection
# label: safe
# source: CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
# note: the user only picks a layout key; the template source is always one of the module's constant layouts (unknown keys fall back to a constant).

from flask import Flask, request
from jinja2 import Template

app = Flask(__name__)

SIGNATURE_LAYOUTS = {
    "compact": "{{ user.name }} | {{ user.title }}",
    "full": "{{ user.name }}\n{{ user.title }}\nExample Corp",
}


@app.post("/settings/signature/preview")
def preview_signature():
    source = SIGNATURE_LAYOUTS.get(request.form["layout"], SIGNATURE_LAYOUTS["compact"])
    user = {"name": "Ada", "title": "Engineer"}
    rendered = Template(source, autoescape=True).render(user=user)
    return {"preview": rendered}
