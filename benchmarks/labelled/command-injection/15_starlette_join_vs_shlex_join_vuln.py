# category: command-injection
# label: vulnerable
# source: Python docs: shlex.join ("the returned value is shell-escaped to protect against injection vulnerabilities")
# expect: 18
# note: The argv list is joined with ' '.join(), which does not quote anything, and run with shell=True, so the name query parameter can add commands.
import subprocess

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

EXPORT_DIR = "/srv/exports"


async def export_archive(request):
    name = request.query_params.get("name", "export")
    argv = ["tar", "czf", f"{EXPORT_DIR}/{name}.tgz", "-C", "/srv/data", "."]
    proc = subprocess.Popen(" ".join(argv), shell=True)
    proc.wait()
    return JSONResponse({"archive": f"{name}.tgz", "status": proc.returncode})


app = Starlette(routes=[Route("/export", export_archive)])
