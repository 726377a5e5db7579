# category: template-injection
# label: safe
# source: PortSwigger Web Security Academy: Server-side template injection, "How do server-side template injection vulnerabilities arise?"
# note: the helper returns a constant template and the title is supplied at render() time as data; select_autoescape() also escapes it for string templates.

from flask import Flask, request
from jinja2 import Environment, select_autoescape

app = Flask(__name__)
env = Environment(autoescape=select_autoescape())


def build_header():
    return "<header><h1>{{ title }}</h1><small>{{ generated_at }}</small></header>"


@app.route("/reports/<int:report_id>")
def report(report_id):
    title = request.args.get("title", f"Report {report_id}")
    header = env.from_string(build_header())
    return header.render(title=title, generated_at="2024-05-01")
