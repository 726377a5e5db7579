# category: template-injection
# label: vulnerable
# source: Mako docs: Syntax, "Expression Substitution" and "Python Blocks"; CWE-1336
# expect: 16
# note: the JSON footer is concatenated into a Mako template, and Mako evaluates ${...} and <% %> as arbitrary Python, so this is direct code execution.

from flask import Flask, request
from mako.template import Template

app = Flask(__name__)


@app.post("/invoices/footer")
def invoice_footer():
    footer = request.json.get("footer", "")
    text = Template("Invoice ${number}\n" + footer).render(number=1042)
    return {"footer": text}
