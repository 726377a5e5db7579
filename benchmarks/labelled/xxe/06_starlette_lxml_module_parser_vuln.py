# category: xxe
# label: vulnerable
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser no_network / resolve_entities
# expect: 11, 15
# note: the module-level parser resolves entities and allows network access, so a SYSTEM entity pointing at http://169.254.169.254/ or file:///proc/self/environ is fetched and echoed back.
from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

PARSER = etree.XMLParser(resolve_entities=True, no_network=False)


async def convert(request):
    root = etree.fromstring(await request.body(), PARSER)
    return JSONResponse({child.tag: child.text for child in root})


app = Starlette(routes=[Route("/convert", convert, methods=["POST"])])
