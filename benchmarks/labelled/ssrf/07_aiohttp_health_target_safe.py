# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html), "Case 1: application can send requests only to identified and trusted applications"
# note: the caller only names a service; the URL comes from a server-side mapping and unknown names get 404.
import aiohttp
from aiohttp import web

SERVICES = {
    "billing": "http://billing.internal:8000/healthz",
    "search": "http://search.internal:9200/_cluster/health",
}


async def check_service(request: web.Request) -> web.Response:
    target = SERVICES.get(request.query.get("target", ""))
    if target is None:
        raise web.HTTPNotFound()
    timeout = aiohttp.ClientTimeout(total=5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(target) as resp:
            healthy = resp.status == 200
    return web.json_response({"target": target, "healthy": healthy})


app = web.Application()
app.router.add_get("/health/check", check_service)
