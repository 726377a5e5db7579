# category: path-traversal
# label: safe
# source: OWASP Path Traversal (owasp.org/www-community/attacks/Path_Traversal); aiohttp docs: Web Server Quickstart, variable resources
# note: the path is resolved (following .. and symlinks) and must be relative to the resolved STATIC_ROOT, otherwise the handler answers 404.
from pathlib import Path

from aiohttp import web

STATIC_ROOT = Path(__file__).parent / "public"


async def serve_asset(request: web.Request) -> web.StreamResponse:
    relative = request.match_info["tail"]
    path = (STATIC_ROOT / relative).resolve()
    if not path.is_relative_to(STATIC_ROOT.resolve()) or not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path)


app = web.Application()
app.router.add_get("/assets/{tail:.*}", serve_asset)

if __name__ == "__main__":
    web.run_app(app)
