# category: path-traversal
# label: safe
# source: CodeQL query help: Partial path traversal vulnerability (java/partial-path-traversal); CWE-22 (cwe.mitre.org/data/definitions/22.html)
# note: the canonical path must start with BASE_DIR followed by a separator, which excludes both parent directories and sibling directories sharing the prefix.
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE_DIR = os.path.realpath("/srv/app/exports")


@app.route("/exports/download")
def download_export():
    requested = os.path.realpath(os.path.join(BASE_DIR, request.args.get("path", "")))
    if not requested.startswith(BASE_DIR + os.sep):
        abort(403)
    return send_file(requested, as_attachment=True)
