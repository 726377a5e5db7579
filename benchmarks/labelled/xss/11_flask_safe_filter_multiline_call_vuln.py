# category: xss
# label: vulnerable
# source: Jinja docs: Template Designer Documentation, "HTML Escaping" (the |safe filter)
# expect: 18
# note: the constant template applies |safe to bio, and bio is the bio_preview query parameter, so attacker HTML is rendered unescaped.

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/u/<username>")
def public_profile(username):
    bio = request.args.get("bio_preview", "")
    return render_template_string(
        "<h1>{{ username }}</h1><div class='bio'>{{ bio|safe }}</div>",
        username=username,
        bio=bio,
    )
