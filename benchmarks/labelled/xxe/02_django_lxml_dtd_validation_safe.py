# category: xxe
# label: safe
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser dtd_validation / no_network
# note: the upload is parsed without loading any DTD or resolving entities and is then validated against the application's own local DTD.
import os

from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

INVOICE_DTD = etree.DTD(os.path.join(os.path.dirname(__file__), "schemas", "invoice.dtd"))


@require_POST
def upload_invoice(request):
    upload = request.FILES["invoice"]
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    tree = etree.parse(upload, parser)
    if not INVOICE_DTD.validate(tree):
        return JsonResponse({"error": "invalid invoice"}, status=400)
    return JsonResponse({"invoice": tree.findtext("number"), "total": tree.findtext("total")})
