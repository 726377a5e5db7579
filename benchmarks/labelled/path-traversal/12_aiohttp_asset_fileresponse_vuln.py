# category: path-traversal
# label: vulnerable
# source: OWASP Path Traversal (owasp.org/www-community/attacks/Path_Traversal); aiohttp docs: Web Server Quickstart, variable resources
# expect: 18
# note: the {tail:.*} match may contain ../ (sent with --path-as-is or percent-encoded), and STATIC_ROOT / tail is served without checking where it resolves.
from pathlib import Path

from aiohttp import web

STATIC_ROOT = Path(__file__).parent / "public"


async def serve_asset(request: web.Request) -> web.StreamResponse:
    relative = request.match_info["tail"]
    path = STATIC_ROOT / relative
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path)


app = web.Application()
app.router.add_get("/assets/{tail:.*}", serve_asset)

if __name__ == "__main__":
    web.run_app(app)
