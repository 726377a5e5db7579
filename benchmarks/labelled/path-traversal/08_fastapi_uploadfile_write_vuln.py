# category: path-traversal
# label: vulnerable
# source: OWASP File Upload Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/File_Upload_Cheat_Sheet.html); FastAPI docs: Request Files (UploadFile.filename)
# expect: 18
# note: Starlette passes the multipart filename through unsanitised, so "../../etc/cron.d/x" or an absolute filename makes UPLOAD_DIR / filename point anywhere.
import shutil
from pathlib import Path

from fastapi import FastAPI, File, UploadFile

app = FastAPI()
UPLOAD_DIR = Path("/srv/uploads/avatars")


@app.post("/avatars")
async def upload_avatar(file: UploadFile = File(...)):
    destination = UPLOAD_DIR / file.filename
    with destination.open("wb") as buffer:
        shutil.copyfileobj(file.file, buffer)
    return {"stored": destination.name}
