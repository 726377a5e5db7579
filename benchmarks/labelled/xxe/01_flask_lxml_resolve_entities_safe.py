# category: xxe
# label: safe
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser resolve_entities
# note: resolve_entities=False leaves entity references unexpanded and no_network=True blocks remote DTD and entity fetches.
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/api/orders/import")
def import_orders():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(request.data, parser)
    orders = [order.findtext("id") for order in root.iter("order")]
    return {"imported": orders}
