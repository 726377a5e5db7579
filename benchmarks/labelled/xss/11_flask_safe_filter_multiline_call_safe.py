# category: xss
# label: safe
# source: Jinja docs: Template Designer Documentation, "HTML Escaping" (the |safe filter)
# note: the same constant template without |safe: Flask autoescapes render_template_string output, so bio is encoded.

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/u/<username>")
def public_profile(username):
    bio = request.args.get("bio_preview", "")
    return render_template_string(
        "<h1>{{ username }}</h1><div class='bio'>{{ bio }}</div>",
        username=username,
        bio=bio,
    )
