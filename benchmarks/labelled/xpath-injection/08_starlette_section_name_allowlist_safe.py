# category: xpath-injection
# label: safe
# source: OWASP Input Validation Cheat Sheet, "Allow list vs block list"; CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: none
# note: The section must be in a fixed allow-list of element names (404 otherwise) before it is put into the path.
from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

SETTINGS = etree.parse("/etc/myapp/settings.xml")
PUBLIC_SECTIONS = {"ui", "locale", "features"}


async def settings_section(request):
    section = request.path_params["section"]
    if section not in PUBLIC_SECTIONS:
        return JSONResponse({"error": "unknown section"}, status_code=404)
    nodes = SETTINGS.xpath(f"/settings/{section}/*")
    return JSONResponse({n.tag: n.text for n in nodes})


app = Starlette(routes=[Route("/settings/{section}", settings_section)])
