# category: command-injection
# label: vulnerable
# source: Python docs: subprocess, "Security Considerations"; POSIX sh utility, -c option (operands after the command string become $0, $1, ...)
# expect: 17
# note: There is no shell=True, but the pattern is put inside the script given to 'sh -c', so a quote in it ends the string and adds commands.
import subprocess

from fastapi import FastAPI

app = FastAPI()
LOG_FILE = "/var/log/app/app.log"


@app.get("/logs/count")
def count_matches(pattern: str):
    proc = subprocess.run(
        ["sh", "-c", f"grep -c -- '{pattern}' {LOG_FILE}"],
        capture_output=True,
        text=True,
    )
    return {"pattern": pattern, "matches": int(proc.stdout.strip() or 0)}
