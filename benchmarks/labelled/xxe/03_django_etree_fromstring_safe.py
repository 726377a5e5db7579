# category: xxe
# label: safe
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security); defusedxml README (pypi.org/project/defusedxml)
# note: defusedxml.ElementTree is a drop-in replacement that raises on entity declarations and external references.
import defusedxml.ElementTree as ET

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
