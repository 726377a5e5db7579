# category: command-injection
# label: safe
# source: Python docs: asyncio Subprocesses, create_subprocess_shell() ("Important": quoting special characters is the application's responsibility)
# expect: none
# note: create_subprocess_exec() starts convert with separate arguments and no shell; width is an int validated by FastAPI.
import asyncio

from fastapi import FastAPI, HTTPException

app = FastAPI()
IMAGE_DIR = "/srv/images"


@app.post("/images/{name}/thumbnail")
async def make_thumbnail(name: str, width: int = 200):
    proc = await asyncio.create_subprocess_exec(
        "convert", f"{IMAGE_DIR}/{name}", "-thumbnail", f"{width}x", f"{IMAGE_DIR}/thumbs/{name}",
    )
    if await proc.wait() != 0:
        raise HTTPException(status_code=500, detail="convert failed")
    return {"thumbnail": f"/thumbs/{name}"}
