# category: xpath-injection
# label: safe
# source: CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: none
# note: Every part of the XPath f-string is a module constant; the handler reads no request data.
from flask import Flask, jsonify
from lxml import etree

app = Flask(__name__)
FEED = etree.parse("feed.xml")
NS = {"a": "http://www.w3.org/2005/Atom"}
NS_PREFIX = "a"
DEFAULT_TYPE = "release"


@app.get("/feed/entries")
def entries():
    found = FEED.xpath(
        f"//{NS_PREFIX}:entry[@type='{DEFAULT_TYPE}']/{NS_PREFIX}:title/text()",
        namespaces=NS,
    )
    return jsonify([str(t) for t in found])
