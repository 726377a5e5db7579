# category: command-injection
# label: vulnerable
# source: Python docs: shlex.quote ("return a shell-escaped version of the string"); CWE-78
# expect: 15
# note: The folder query parameter is concatenated into a command that a same-module helper runs with shell=True.
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
UPLOAD_ROOT = "/srv/uploads"


def run_shell(cmd: str) -> str:
    return subprocess.check_output(cmd, shell=True, text=True, timeout=30)


@app.get("/storage/usage")
def storage_usage():
    folder = request.args.get("folder", ".")
    out = run_shell(f"cd {UPLOAD_ROOT} && du -sh -- " + folder)
    return jsonify(folder=folder, size=out.split()[0] if out else "0")
