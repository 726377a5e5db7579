# category: command-injection
# label: safe
# source: Python docs: shlex.join ("the returned value is shell-escaped to protect against injection vulnerabilities")
# expect: none
# note: shlex.join() quotes every element, so the shell=True command has exactly the intended words.
import shlex
import subprocess

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

EXPORT_DIR = "/srv/exports"


async def export_archive(request):
    name = request.query_params.get("name", "export")
    argv = ["tar", "czf", f"{EXPORT_DIR}/{name}.tgz", "-C", "/srv/data", "."]
    proc = subprocess.Popen(shlex.join(argv), shell=True)
    proc.wait()
    return JSONResponse({"archive": f"{name}.tgz", "status": proc.returncode})


app = Starlette(routes=[Route("/export", export_archive)])
