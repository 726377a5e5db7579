# category: xxe
# label: vulnerable
# source: Python docs: xml.dom.pulldom (parser argument) and xml.sax.handler.feature_external_ges; Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security)
# expect: 18, 19
# note: pulldom is driven by a stdlib SAX parser with external general entities switched on, so the catalog upload can pull in local files or URLs.
from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/catalog/import")
def import_catalog():
    sax_parser = make_parser()
    sax_parser.setFeature(feature_external_ges, True)
    events = pulldom.parse(request.stream, parser=sax_parser)
    names = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "product":
            events.expandNode(node)
            names.append(node.getAttribute("name"))
    return jsonify(products=names)
