# category: template-injection
# label: safe
# source: OWASP ASVS 4.0.3, V5.2.5 (protect against template injection: no untrusted input in template source)
# note: str.format() fills in only the module constant BASE_TEMPLATE; the bio goes in as the bio context variable and is autoescaped.

from flask import Flask, render_template_string, request

app = Flask(__name__)

BASE_TEMPLATE = "base.html"
PROFILE_PAGE = """
{{% extends "{base}" %}}
{{% block content %}}
<h2>{{{{ bio }}}}</h2>
{{% endblock %}}
"""


@app.route("/profile/preview", methods=["POST"])
def profile_preview():
    bio = request.form.get("bio", "")
    return render_template_string(PROFILE_PAGE.format(base=BASE_TEMPLATE), bio=bio)
