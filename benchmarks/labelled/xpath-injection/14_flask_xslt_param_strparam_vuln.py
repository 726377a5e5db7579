# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "Stylesheet parameters" (parameters are XPath expressions; XSLT.strparam() for plain strings)
# expect: 17
# note: XSLT parameters are evaluated as XPath, and the title query parameter is only wrapped in quotes, so "' or document('file:///etc/app/users.xml')='x' or '" makes the processor load local XML files and reveals comparisons on their content.
from flask import Flask, Response, request
from lxml import etree

app = Flask(__name__)
REPORT = etree.parse("report.xml")
TRANSFORM = etree.XSLT(etree.parse("report.xsl"))


@app.get("/report")
def report():
    title = request.args.get("title", "Monthly report")
    result = TRANSFORM(REPORT, title=f"'{title}'")
    return Response(str(result), mimetype="text/html")
