# category: command-injection
# label: vulnerable
# source: Python docs: subprocess, "Security Considerations"
# expect: 17
# note: The host query parameter is put into a command string run with shell=True, so '127.0.0.1; id' runs a second command.
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/diagnostics/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    result = subprocess.run(
        f"ping -c 1 -W 2 {host}",
        shell=True,
        capture_output=True,
        text=True,
        timeout=10,
    )
    return jsonify(ok=result.returncode == 0, output=result.stdout)
