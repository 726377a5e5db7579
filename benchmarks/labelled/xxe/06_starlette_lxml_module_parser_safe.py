# category: xxe
# label: safe
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser no_network / resolve_entities
# note: the shared parser neither resolves entities nor touches the network, so entity references stay unexpanded.
from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


async def convert(request):
    root = etree.fromstring(await request.body(), PARSER)
    return JSONResponse({child.tag: child.text for child in root})


app = Starlette(routes=[Route("/convert", convert, methods=["POST"])])
