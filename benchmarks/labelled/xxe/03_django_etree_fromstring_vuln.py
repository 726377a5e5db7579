# category: xxe
# label: vulnerable
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security); defusedxml README (pypi.org/project/defusedxml)
# expect: 18
# note: untrusted request bodies go to the stdlib ElementTree parser, which expands internal entities (billion laughs / quadratic blowup when Python uses an Expat older than 2.6.0).
import xml.etree.ElementTree as ET

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@csrf_exempt
def sitemap_ping(request):
    if request.method != "POST":
        return HttpResponseBadRequest()
    root = ET.fromstring(request.body)
    urls = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    return HttpResponse(f"{len(urls)} urls received", content_type="text/plain")
