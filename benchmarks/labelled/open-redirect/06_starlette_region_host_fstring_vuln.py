# category: open-redirect
# label: vulnerable
# source: CWE-601: URL Redirection to Untrusted Site ('Open Redirect')
# expect: 15
# note: region is placed in the host part of the target, so region=evil.example/# yields https://evil.example/#.app.example.com/home.

from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route


async def switch_region(request):
    region = request.query_params.get("region", "eu")
    target = f"https://{region}.app.example.com/home"
    return RedirectResponse(target)


app = Starlette(routes=[Route("/switch-region", switch_region)])
