# category: sql-injection
# label: vulnerable
# source: asyncpg docs: Basic Usage (query arguments use the native PostgreSQL $n syntax); OWASP Query Parameterization Cheat Sheet
# expect: 17
# note: The kind query parameter is put into the SQL with str.format() before conn.fetch() (user_id is already an int from the {user_id:int} path converter).
import asyncpg
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def user_events(request):
    user_id, kind = request.path_params["user_id"], request.query_params.get("kind", "login")
    conn = await asyncpg.connect(dsn=request.app.state.dsn)
    try:
        rows = await conn.fetch(
            "SELECT id, kind, created_at FROM events WHERE user_id = {} AND kind = '{}'".format(user_id, kind)
        )
    finally:
        await conn.close()
    return JSONResponse([{"id": r["id"], "kind": r["kind"]} for r in rows])


app = Starlette(routes=[Route("/users/{user_id:int}/events", user_events)])
