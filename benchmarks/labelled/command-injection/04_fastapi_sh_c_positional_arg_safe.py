# category: command-injection
# label: safe
# source: Python docs: subprocess, "Security Considerations"; POSIX sh utility, -c option (operands after the command string become $0, $1, ...)
# expect: none
# note: The script given to 'sh -c' is constant apart from a module constant; the pattern is passed as positional $1 and used quoted, so it is never parsed as shell code.
import subprocess

from fastapi import FastAPI

app = FastAPI()
LOG_FILE = "/var/log/app/app.log"


@app.get("/logs/count")
def count_matches(pattern: str):
    proc = subprocess.run(
        ["sh", "-c", f'grep -c -- "$1" {LOG_FILE}', "sh", pattern],
        capture_output=True,
        text=True,
    )
    return {"pattern": pattern, "matches": int(proc.stdout.strip() or 0)}
