# category: command-injection
# label: safe
# source: Bandit docs: B602 subprocess_popen_with_shell_equals_true; Python docs: subprocess, "Security Considerations"
# expect: none
# note: shell=True is used, but every part of the f-string is a module constant, so no outside data reaches the shell.
import subprocess

from flask import Flask, jsonify

app = Flask(__name__)
PG_DUMP = "/usr/bin/pg_dump"
BACKUP_DIR = "/var/backups/postgres"
DB_NAME = "app"


@app.post("/admin/backup")
def backup():
    subprocess.run(
        f"{PG_DUMP} --format=custom {DB_NAME} > {BACKUP_DIR}/{DB_NAME}.dump",
        shell=True,
        check=True,
    )
    return jsonify(status="ok")
