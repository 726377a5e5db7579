# category: xpath-injection
# label: vulnerable
# source: OWASP Input Validation Cheat Sheet, "Allow list vs block list"; CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection'), Potential Mitigations (parameterized XPath queries)
# expect: 16
# note: The section path parameter becomes an element-name step in the XPath (variables cannot be used there), so 'ui | /settings/database' reads other sections.
from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

SETTINGS = etree.parse("/etc/myapp/settings.xml")


async def settings_section(request):
    section = request.path_params["section"]
    nodes = SETTINGS.xpath(f"/settings/{section}/*")
    return JSONResponse({n.tag: n.text for n in nodes})


app = Starlette(routes=[Route("/settings/{section}", settings_section)])
