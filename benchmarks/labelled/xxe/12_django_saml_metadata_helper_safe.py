# category: xxe
# label: safe
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser load_dtd / resolve_entities / no_network
# note: build_parser() returns a hardened parser (no DTD, no entity resolution, no network) for the uploaded metadata.
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from lxml import etree

MD_NS = {"md": "urn:oasis:names:tc:SAML:2.0:metadata", "ds": "http://www.w3.org/2000/09/xmldsig#"}


def build_parser():
    return etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)


@csrf_exempt
def saml_metadata_import(request):
    root = etree.fromstring(request.body, build_parser())
    certs = root.xpath("//md:KeyDescriptor//ds:X509Certificate/text()", namespaces=MD_NS)
    return JsonResponse({"entity_id": root.get("entityID"), "certificates": len(certs)})
