# category: xpath-injection
# label: vulnerable
# source: CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: 20
# note: The type query parameter is put into the predicate of an Atom XPath f-string.
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
FEED = etree.parse("feed.xml")
NS = {"a": "http://www.w3.org/2005/Atom"}
NS_PREFIX = "a"
DEFAULT_TYPE = "release"


@app.get("/feed/entries")
def entries():
    entry_type = request.args.get("type", DEFAULT_TYPE)
    found = FEED.xpath(
        f"//{NS_PREFIX}:entry[@type='{entry_type}']/{NS_PREFIX}:title/text()",
        namespaces=NS,
    )
    return jsonify([str(t) for t in found])
