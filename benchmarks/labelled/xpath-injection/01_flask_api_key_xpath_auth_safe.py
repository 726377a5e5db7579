# category: xpath-injection
# label: safe
# source: OWASP Community: XPATH Injection (www-community/attacks/XPATH_Injection); CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: none
# note: The key is bound to the XPath variable $key, so it is compared as a string and never parsed as XPath.
from flask import Flask, abort, g, request
from lxml import etree

app = Flask(__name__)
CLIENTS = etree.parse("config/clients.xml")


@app.before_request
def authenticate_client():
    api_key = request.headers.get("X-Api-Key", "")
    matches = CLIENTS.xpath("//client[@key=$key and @enabled='true']", key=api_key)
    if not matches:
        abort(401)
    g.client_name = matches[0].get("name")
