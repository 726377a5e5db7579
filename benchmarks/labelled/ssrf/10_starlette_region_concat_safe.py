# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# note: the region must be one of a fixed set before it is concatenated, so the host is always <region>.metrics.internal.acme.com.
import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

REGIONS = {"eu-west-1", "us-east-1", "ap-south-1"}


async def region_metrics(request):
    region = request.path_params["region"]
    if region not in REGIONS:
        return JSONResponse({"error": "unknown region"}, status_code=404)
    url = "http://" + region + ".metrics.internal.acme.com/api/v1/summary"
    async with httpx.AsyncClient(timeout=5) as client:
        resp = await client.get(url)
    return JSONResponse(resp.json())


app = Starlette(routes=[Route("/metrics/{region}", region_metrics)])
