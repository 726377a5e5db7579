# category: path-traversal
# label: vulnerable
# source: CWE-22 (cwe.mitre.org/data/definitions/22.html), Potential Mitigations: canonicalize the path, then check it is inside the directory
# expect: 20
# note: the {name:path} route parameter may contain ../ segments (or be absolute) and is joined onto REPORTS_DIR without any containment check before FileResponse reads it.
import os

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
REPORTS_DIR = os.path.realpath("/var/lib/acme/reports")


@app.get("/reports/{name:path}")
async def get_report(name: str):
    path = os.path.join(REPORTS_DIR, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    return FileResponse(path)
