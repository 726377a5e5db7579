# category: template-injection
# label: safe
# source: Mako docs: Syntax, "Expression Substitution" and "Python Blocks"; CWE-1336
# note: the Mako template is constant and the footer is substituted through ${footer}; an expression's output is not re-parsed as template code.

from flask import Flask, request
from mako.template import Template

app = Flask(__name__)


@app.post("/invoices/footer")
def invoice_footer():
    footer = request.json.get("footer", "")
    text = Template("Invoice ${number}\n${footer}").render(number=1042, footer=footer)
    return {"footer": text}
