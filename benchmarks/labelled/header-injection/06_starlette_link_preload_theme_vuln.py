# category: header-injection
# label: vulnerable
# source: RFC 8288 (Web Linking), Section 3 "Link Serialisation in HTTP Headers"; CWE-113
# expect: 17
# note: theme is formatted into a Link header, so '>' and ',' let an attacker append extra link-values (e.g. preload or stylesheet links to a foreign origin) besides CR/LF splitting.

from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

PAGE = "<html><body><h1>Gallery</h1></body></html>"


async def gallery(request):
    theme = request.query_params.get("theme", "default")
    response = HTMLResponse(PAGE)
    response.headers["Link"] = f"</static/themes/{theme}.css>; rel=preload; as=style"
    return response


app = Starlette(routes=[Route("/gallery", gallery)])
