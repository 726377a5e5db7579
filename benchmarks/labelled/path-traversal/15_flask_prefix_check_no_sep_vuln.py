# category: path-traversal
# label: vulnerable
# source: CodeQL query help: Partial path traversal vulnerability (java/partial-path-traversal); CWE-22 (cwe.mitre.org/data/definitions/22.html)
# expect: 19
# note: the prefix test lacks a trailing separator, so ?path=../exports_internal/payroll.csv resolves to /srv/app/exports_internal/... and still passes startswith(BASE_DIR).
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE_DIR = os.path.realpath("/srv/app/exports")


@app.route("/exports/download")
def download_export():
    requested = os.path.realpath(os.path.join(BASE_DIR, request.args.get("path", "")))
    if not requested.startswith(BASE_DIR):
        abort(403)
    return send_file(requested, as_attachment=True)
