# category: code-injection
# label: vulnerable
# source: OWASP Community: Code Injection (www-community/attacks/Code_Injection); CWE-94: Improper Control of Generation of Code ('Code Injection')
# expect: 14
# note: The transform field of the JSON body is exec'd as Python; an empty __builtins__ does not stop escapes through object attributes.
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def transform(request):
    payload = await request.json()
    env = {"__builtins__": {}, "data": payload["data"]}
    exec(payload["transform"], env)
    return JSONResponse({"result": env.get("result")})


app = Starlette(routes=[Route("/transform", transform, methods=["POST"])])
