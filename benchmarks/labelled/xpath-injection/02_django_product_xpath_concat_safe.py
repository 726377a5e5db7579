# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: none
# note: The sku is passed as the XPath variable $sku instead of being concatenated.
from django.http import Http404, JsonResponse
from lxml import etree

CATALOG = etree.parse("/srv/data/catalog.xml")


def product_detail(request):
    sku = request.GET.get("sku", "")
    nodes = CATALOG.getroot().xpath("//product[@sku=$sku and @visible='yes']", sku=sku)
    if not nodes:
        raise Http404("no such product")
    p = nodes[0]
    return JsonResponse({"sku": p.get("sku"), "name": p.findtext("name"), "price": p.findtext("price")})
