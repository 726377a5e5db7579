# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "The XPathEvaluator classes"; lxml API: XPathDocumentEvaluator.__call__(_path, **_variables)
# expect: 17
# note: The name query parameter goes into an XPathEvaluator expression, so "'] | //employee/salary/text() | //x['" returns salaries.
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("employees.xml")
evaluate = etree.XPathEvaluator(TREE)


@app.get("/directory/phone")
def phone():
    name = request.args.get("name", "")
    numbers = evaluate(f"//employee[name='{name}']/phone/text()")
    return jsonify(numbers=[str(n) for n in numbers])
