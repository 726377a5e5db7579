# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# note: the URL is parsed with httpx's own parser and only https URLs on two known avatar hosts are fetched (httpx does not follow redirects by default).
import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
AVATAR_HOSTS = {"avatars.githubusercontent.com", "secure.gravatar.com"}


class AvatarImport(BaseModel):
    avatar_url: str


@app.post("/profile/avatar/import")
async def import_avatar(body: AvatarImport):
    url = httpx.URL(body.avatar_url)
    if url.scheme != "https" or url.host not in AVATAR_HOSTS:
        raise HTTPException(status_code=400, detail="unsupported avatar host")
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(url)
    resp.raise_for_status()
    return {"bytes": len(resp.content), "type": resp.headers.get("content-type")}
