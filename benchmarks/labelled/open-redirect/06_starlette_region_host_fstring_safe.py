# category: open-redirect
# label: safe
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect')
# note: region is checked against a fixed set of region codes before it is placed in the hostname.

from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route

REGIONS = {"eu", "us", "ap"}


async def switch_region(request):
    region = request.query_params.get("region", "eu")
    if region not in REGIONS:
        region = "eu"
    target = f"https://{region}.app.example.com/home"
    return RedirectResponse(target)


app = Starlette(routes=[Route("/switch-region", switch_region)])
