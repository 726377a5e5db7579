# category: xpath-injection
# label: vulnerable
# source: OWASP Community: XPATH Injection (www-community/attacks/XPATH_Injection); lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments)
# expect: 17
# note: Two query parameters, read in one tuple assignment, are concatenated into the XPath predicates.
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
ROSTER = etree.parse("roster.xml")


@app.get("/roster/lookup")
def roster_lookup():
    user, dept = request.args.get("user", ""), request.args.get("dept", "")
    expr = "//person[@login='" + user + "'][@dept='" + dept + "']/@extension"
    return jsonify(extensions=[str(x) for x in ROSTER.xpath(expr)])
