from starlette.applications import Starlette
from starlette.config import Config
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config(".env")
DEBUG = config("DEBUG", cast=bool, default=False)


async def homepage(request):
    return JSONResponse({"hello": "world"})


routes = [Route("/", homepage)]

middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"]),
]

app = Starlette(debug=True, routes=routes, middleware=middleware)

internal = Starlette(
    debug=DEBUG,
    routes=routes,
    middleware=[Middleware(CORSMiddleware, allow_origins=["https://admin.example.com"], allow_credentials=True)],
)
