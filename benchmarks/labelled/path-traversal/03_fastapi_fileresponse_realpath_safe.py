# category: path-traversal
# label: safe
# source: CWE-22 (cwe.mitre.org/data/definitions/22.html), Potential Mitigations: canonicalize the path, then check it is inside the directory
# note: the joined path is canonicalised with realpath and must start with REPORTS_DIR plus a separator before it is served, which rejects ../ and absolute names.
import os

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
REPORTS_DIR = os.path.realpath("/var/lib/acme/reports")


@app.get("/reports/{name:path}")
async def get_report(name: str):
    path = os.path.realpath(os.path.join(REPORTS_DIR, name))
    if not path.startswith(REPORTS_DIR + os.sep) or not os.path.isfile(path):
        raise HTTPException(status_code=404)
    return FileResponse(path)
