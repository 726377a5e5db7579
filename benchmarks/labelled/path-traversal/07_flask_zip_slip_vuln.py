# category: path-traversal
# label: vulnerable
# source: Snyk, Zip Slip Vulnerability (github.com/snyk/zip-slip-vulnerability)
# expect: 24, 25
# note: archive member names are joined onto the destination by hand (bypassing ZipFile.extract's own sanitising), so an entry named ../../app.py is written outside the themes folder.
import os
import zipfile

from flask import Flask, request

app = Flask(__name__)
THEMES_DIR = "/srv/app/themes"


@app.post("/themes")
def install_theme():
    upload = request.files["theme"]
    dest = os.path.join(THEMES_DIR, "incoming")
    with zipfile.ZipFile(upload.stream) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = os.path.join(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(zf.read(info))
    return {"installed": True}
