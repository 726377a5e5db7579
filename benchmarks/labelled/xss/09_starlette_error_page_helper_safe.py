# category: xss
# label: safe
# source: CWE-79: Improper Neutralization of Input During Web Page Generation, Demonstrative Examples (reflected input in an error/welcome page)
# note: the helper html.escape()s the message before inserting it into the error page.

import html

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route


def error_page(message):
    return "<html><body><h1>Error</h1><p>%s</p></body></html>" % html.escape(message)


async def lookup(request):
    sku = request.query_params.get("sku", "")
    if not sku.isalnum():
        return Response(error_page("Unknown SKU: " + sku), status_code=400, media_type="text/html")
    return Response("ok", media_type="text/plain")


app = Starlette(routes=[Route("/lookup", lookup)])
