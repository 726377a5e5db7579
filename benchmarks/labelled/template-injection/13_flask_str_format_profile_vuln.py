# category: template-injection
# label: vulnerable
# source: OWASP ASVS 4.0.3, V5.2.5 (protect against template injection: no untrusted input in template source)
# expect: 22
# note: str.format() puts the submitted bio into the template text, and render_template_string evaluates any Jinja2 syntax it contains.

from flask import Flask, render_template_string, request

app = Flask(__name__)

PROFILE_PAGE = """
{{% extends "base.html" %}}
{{% block content %}}
<h2>{bio}</h2>
{{% endblock %}}
"""


@app.route("/profile/preview", methods=["POST"])
def profile_preview():
    bio = request.form.get("bio", "")
    return render_template_string(PROFILE_PAGE.format(bio=bio))
