# category: code-injection
# label: safe
# source: OWASP Community: Code Injection (www-community/attacks/Code_Injection); CWE-94: Improper Control of Generation of Code ('Code Injection')
# expect: none
# note: The body only names a transform; the code exec'd is always one of the constant snippets in TRANSFORMS (400 otherwise), and the user data is only bound as a value.
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

TRANSFORMS = {
    "upper": "result = [s.upper() for s in data]",
    "strip": "result = [s.strip() for s in data]",
}


async def transform(request):
    payload = await request.json()
    code = TRANSFORMS.get(payload["transform"])
    if code is None:
        return JSONResponse({"error": "unknown transform"}, status_code=400)
    env = {"__builtins__": {}, "data": payload["data"]}
    exec(code, env)
    return JSONResponse({"result": env.get("result")})


app = Starlette(routes=[Route("/transform", transform, methods=["POST"])])
