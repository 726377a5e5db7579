# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: 14
# note: The sku query parameter is concatenated into the predicate, so "x' or @visible='no' or '" reveals hidden products.
from django.http import Http404, JsonResponse
from lxml import etree

CATALOG = etree.parse("/srv/data/catalog.xml")


def product_detail(request):
    sku = request.GET.get("sku", "")
    nodes = CATALOG.getroot().xpath("//product[@sku='" + sku + "' and @visible='yes']")
    if not nodes:
        raise Http404("no such product")
    p = nodes[0]
    return JsonResponse({"sku": p.get("sku"), "name": p.findtext("name"), "price": p.findtext("price")})
