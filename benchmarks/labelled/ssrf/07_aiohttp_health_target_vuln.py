# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html), "Case 1: application can send requests only to identified and trusted applications"
# expect: 14
# note: the target query value is a full URL chosen by the caller, turning the health endpoint into an internal port scanner.
import aiohttp
from aiohttp import web


async def check_service(request: web.Request) -> web.Response:
    target = request.query.get("target", "")
    timeout = aiohttp.ClientTimeout(total=5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(target) as resp:
            healthy = resp.status == 200
    return web.json_response({"target": target, "healthy": healthy})


app = web.Application()
app.router.add_get("/health/check", check_service)
