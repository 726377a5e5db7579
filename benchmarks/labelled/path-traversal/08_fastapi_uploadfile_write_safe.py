# category: path-traversal
# label: safe
# source: OWASP File Upload Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/File_Upload_Cheat_Sheet.html); FastAPI docs: Request Files (UploadFile.filename)
# note: Path(filename).name keeps only the final component, so the file is always created directly inside UPLOAD_DIR (".." would only name the parent and fail to open as a file).
import shutil
from pathlib import Path

from fastapi import FastAPI, File, UploadFile

app = FastAPI()
UPLOAD_DIR = Path("/srv/uploads/avatars")


@app.post("/avatars")
async def upload_avatar(file: UploadFile = File(...)):
    destination = UPLOAD_DIR / Path(file.filename).name
    with destination.open("wb") as buffer:
        shutil.copyfileobj(file.file, buffer)
    return {"stored": destination.name}
