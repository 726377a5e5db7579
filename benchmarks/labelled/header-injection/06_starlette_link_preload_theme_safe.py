# category: header-injection
# label: safe
# source: RFC 8288 (Web Linking), Section 3 "Link Serialisation in HTTP Headers"; CWE-113
# note: theme must be one of the fixed THEMES names before it is formatted into the Link header.

from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

PAGE = "<html><body><h1>Gallery</h1></body></html>"
THEMES = {"default", "dark", "contrast"}


async def gallery(request):
    theme = request.query_params.get("theme", "default")
    if theme not in THEMES:
        theme = "default"
    response = HTMLResponse(PAGE)
    response.headers["Link"] = f"</static/themes/{theme}.css>; rel=preload; as=style"
    return response


app = Starlette(routes=[Route("/gallery", gallery)])
