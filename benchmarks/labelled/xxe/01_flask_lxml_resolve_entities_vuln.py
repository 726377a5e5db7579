# category: xxe
# label: vulnerable
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser resolve_entities
# expect: 14, 15
# note: the parser is built with resolve_entities=True, so a DOCTYPE with <!ENTITY x SYSTEM "file:///etc/passwd"> in the request body is expanded into the parsed orders.
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/api/orders/import")
def import_orders():
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring(request.data, parser)
    orders = [order.findtext("id") for order in root.iter("order")]
    return {"imported": orders}
