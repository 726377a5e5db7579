# category: template-injection
# label: vulnerable
# source: PortSwigger Web Security Academy: Server-side template injection, "How do server-side template injection vulnerabilities arise?"
# expect: 21
# note: the helper concatenates the title query parameter into the template source that Environment.from_string compiles, so template syntax in the title is executed.

from flask import Flask, request
from jinja2 import Environment, select_autoescape

app = Flask(__name__)
env = Environment(autoescape=select_autoescape())


def build_header(title):
    return "<header><h1>" + title + "</h1><small>{{ generated_at }}</small></header>"


@app.route("/reports/<int:report_id>")
def report(report_id):
    title = request.args.get("title", f"Report {report_id}")
    header = env.from_string(build_header(title))
    return header.render(generated_at="2024-05-01")
