# category: xxe
# label: safe
# source: Python docs: xml.dom.pulldom (parser argument) and xml.sax.handler.feature_external_ges; defusedxml README (pypi.org/project/defusedxml)
# note: defusedxml.sax.make_parser returns a DefusedExpatParser whose reset() installs handlers that raise on entity declarations and external references, so the leftover feature flag has no effect.
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from defusedxml.sax import make_parser
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
