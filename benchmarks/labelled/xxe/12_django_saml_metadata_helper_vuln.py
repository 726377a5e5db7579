# category: xxe
# label: vulnerable
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser load_dtd / resolve_entities / no_network
# expect: 14, 19
# note: build_parser() returns a parser that loads DTDs, resolves entities and may use the network, and the uploaded SAML metadata is parsed with it.
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from lxml import etree

MD_NS = {"md": "urn:oasis:names:tc:SAML:2.0:metadata", "ds": "http://www.w3.org/2000/09/xmldsig#"}


def build_parser():
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)


@csrf_exempt
def saml_metadata_import(request):
    root = etree.fromstring(request.body, build_parser())
    certs = root.xpath("//md:KeyDescriptor//ds:X509Certificate/text()", namespaces=MD_NS)
    return JsonResponse({"entity_id": root.get("entityID"), "certificates": len(certs)})
