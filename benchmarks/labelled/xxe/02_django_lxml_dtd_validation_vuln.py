# category: xxe
# label: vulnerable
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser dtd_validation / no_network
# expect: 14, 15
# note: dtd_validation=True with no_network=False makes lxml fetch whatever DTD the uploaded document names (blind XXE / SSRF), and its external entities are resolved.
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree


@require_POST
def upload_invoice(request):
    upload = request.FILES["invoice"]
    parser = etree.XMLParser(dtd_validation=True, no_network=False, resolve_entities=True)
    tree = etree.parse(upload, parser)
    return JsonResponse({"invoice": tree.findtext("number"), "total": tree.findtext("total")})
