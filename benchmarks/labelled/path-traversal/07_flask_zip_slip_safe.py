# category: path-traversal
# label: safe
# source: Snyk, Zip Slip Vulnerability (github.com/snyk/zip-slip-vulnerability)
# note: every member's target is canonicalised and must share the canonical destination as common path, otherwise the upload is rejected before anything is written.
import os
import zipfile

from flask import Flask, abort, request

app = Flask(__name__)
THEMES_DIR = "/srv/app/themes"


@app.post("/themes")
def install_theme():
    upload = request.files["theme"]
    dest = os.path.realpath(os.path.join(THEMES_DIR, "incoming"))
    with zipfile.ZipFile(upload.stream) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = os.path.realpath(os.path.join(dest, info.filename))
            if os.path.commonpath([dest, target]) != dest:
                abort(400, "archive member escapes the theme directory")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(zf.read(info))
    return {"installed": True}
