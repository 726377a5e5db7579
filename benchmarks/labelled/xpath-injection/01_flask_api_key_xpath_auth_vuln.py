# category: xpath-injection
# label: vulnerable
# source: OWASP Community: XPATH Injection (www-community/attacks/XPATH_Injection); CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: 16
# note: The X-Api-Key header is put inside a quoted XPath predicate, so "' or '1'='1" authenticates as the first enabled client.
from flask import Flask, abort, g, request
from lxml import etree

app = Flask(__name__)
CLIENTS = etree.parse("config/clients.xml")


@app.before_request
def authenticate_client():
    api_key = request.headers.get("X-Api-Key", "")
    matches = CLIENTS.xpath(f"//client[@key='{api_key}' and @enabled='true']")
    if not matches:
        abort(401)
    g.client_name = matches[0].get("name")
