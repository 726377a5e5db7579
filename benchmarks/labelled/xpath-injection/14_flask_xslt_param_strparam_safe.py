# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "Stylesheet parameters" (parameters are XPath expressions; XSLT.strparam() for plain strings)
# expect: none
# note: etree.XSLT.strparam() passes the title as a string value, so it is never evaluated as an XPath expression.
from flask import Flask, Response, request
from lxml import etree

app = Flask(__name__)
REPORT = etree.parse("report.xml")
TRANSFORM = etree.XSLT(etree.parse("report.xsl"))


@app.get("/report")
def report():
    title = request.args.get("title", "Monthly report")
    result = TRANSFORM(REPORT, title=etree.XSLT.strparam(title))
    return Response(str(result), mimetype="text/html")
