# category: command-injection
# label: vulnerable
# source: Bandit docs: B602 subprocess_popen_with_shell_equals_true; Python docs: subprocess, "Security Considerations"
# expect: 19
# note: The database name from the form is put into a shell=True pg_dump command line (and the redirect target).
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
PG_DUMP = "/usr/bin/pg_dump"
BACKUP_DIR = "/var/backups/postgres"


@app.post("/admin/backup")
def backup():
    db_name = request.form.get("database", "app")
    subprocess.run(
        f"{PG_DUMP} --format=custom {db_name} > {BACKUP_DIR}/{db_name}.dump",
        shell=True,
        check=True,
    )
    return jsonify(status="ok")
