# category: command-injection
# label: vulnerable
# source: Python docs: asyncio Subprocesses, create_subprocess_shell() ("Important": quoting special characters is the application's responsibility)
# expect: 17
# note: The name path parameter is put into a command string given to asyncio.create_subprocess_shell().
import asyncio

from fastapi import FastAPI, HTTPException

app = FastAPI()
IMAGE_DIR = "/srv/images"


@app.post("/images/{name}/thumbnail")
async def make_thumbnail(name: str, width: int = 200):
    proc = await asyncio.create_subprocess_shell(
        f"convert {IMAGE_DIR}/{name} -thumbnail {width}x {IMAGE_DIR}/thumbs/{name}",
    )
    if await proc.wait() != 0:
        raise HTTPException(status_code=500, detail="convert failed")
    return {"thumbnail": f"/thumbs/{name}"}
