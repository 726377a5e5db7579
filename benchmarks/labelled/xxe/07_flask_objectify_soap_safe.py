# category: xxe
# label: safe
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: lxml.objectify (objectify.makeparser)
# note: the objectify parser is created with resolve_entities=False and no_network=True, so entities in the envelope are never expanded.
from flask import Flask, Response, request
from lxml import etree, objectify

app = Flask(__name__)
SOAP_PARSER = objectify.makeparser(resolve_entities=False, no_network=True, remove_blank_text=True)
STOCK_NS = "{http://example.com/stock}"


@app.post("/soap/StockQuote")
def stock_quote():
    envelope = objectify.fromstring(request.get_data(), SOAP_PARSER)
    symbol = envelope.findtext(f".//{STOCK_NS}Symbol")
    reply = etree.Element(f"{STOCK_NS}QuoteResponse")
    etree.SubElement(reply, f"{STOCK_NS}Symbol").text = symbol
    etree.SubElement(reply, f"{STOCK_NS}Price").text = "101.25"
    return Response(etree.tostring(reply), content_type="text/xml")
