# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# expect: 16
# note: the region path parameter is concatenated into the hostname, so /metrics/10.0.0.5%23 or /metrics/attacker.example%3F yields a URL whose host is chosen by the caller.
import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def region_metrics(request):
    region = request.path_params["region"]
    url = "http://" + region + ".metrics.internal.acme.com/api/v1/summary"
    async with httpx.AsyncClient(timeout=5) as client:
        resp = await client.get(url)
    return JSONResponse(resp.json())


app = Starlette(routes=[Route("/metrics/{region}", region_metrics)])
