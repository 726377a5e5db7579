# category: command-injection
# label: safe
# source: Python docs: subprocess, "Security Considerations"
# expect: none
# note: The host is a single argv element (after '--') and no shell is started, so shell metacharacters have no meaning.
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/diagnostics/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    result = subprocess.run(
        ["ping", "-c", "1", "-W", "2", "--", host],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return jsonify(ok=result.returncode == 0, output=result.stdout)
