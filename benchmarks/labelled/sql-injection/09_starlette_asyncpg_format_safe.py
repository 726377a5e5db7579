# category: sql-injection
# label: safe
# source: asyncpg docs: Basic Usage (query arguments use the native PostgreSQL $n syntax); OWASP Query Parameterization Cheat Sheet
# expect: none
# note: Both values are passed as $1/$2 arguments to conn.fetch(), so asyncpg sends them apart from the SQL text.
import asyncpg
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def user_events(request):
    user_id, kind = request.path_params["user_id"], request.query_params.get("kind", "login")
    conn = await asyncpg.connect(dsn=request.app.state.dsn)
    try:
        rows = await conn.fetch(
            "SELECT id, kind, created_at FROM events WHERE user_id = $1 AND kind = $2", user_id, kind
        )
    finally:
        await conn.close()
    return JSONResponse([{"id": r["id"], "kind": r["kind"]} for r in rows])


app = Starlette(routes=[Route("/users/{user_id:int}/events", user_events)])
