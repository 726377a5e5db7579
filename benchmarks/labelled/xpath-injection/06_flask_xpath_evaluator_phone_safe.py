# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "The XPathEvaluator classes"; lxml API: XPathDocumentEvaluator.__call__(_path, **_variables)
# expect: none
# note: The evaluator gets a constant expression and the name as the keyword variable $name.
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("employees.xml")
evaluate = etree.XPathEvaluator(TREE)


@app.get("/directory/phone")
def phone():
    name = request.args.get("name", "")
    numbers = evaluate("//employee[name=$name]/phone/text()", name=name)
    return jsonify(numbers=[str(n) for n in numbers])
