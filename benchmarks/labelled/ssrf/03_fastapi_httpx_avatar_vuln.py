# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# expect: 20
# note: the avatar_url from the JSON body is fetched as-is by the server, so internal addresses and cloud metadata endpoints are reachable.
import httpx
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class AvatarImport(BaseModel):
    avatar_url: str


@app.post("/profile/avatar/import")
async def import_avatar(body: AvatarImport):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(body.avatar_url)
    resp.raise_for_status()
    return {"bytes": len(resp.content), "type": resp.headers.get("content-type")}
