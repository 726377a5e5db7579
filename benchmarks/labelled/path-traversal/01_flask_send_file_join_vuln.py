# category: path-traversal
# label: vulnerable
# source: Flask docs, API: flask.send_file warning ("Never pass file paths provided by a user") and flask.send_from_directory
# expect: 18
# note: the "name" query parameter is joined onto DOWNLOAD_DIR and handed to send_file, so ?name=../../etc/passwd (or an absolute path) escapes the directory.
import os

from flask import Flask, request, send_file

app = Flask(__name__)
DOWNLOAD_DIR = os.path.join(app.root_path, "downloads")


@app.route("/download")
def download():
    name = request.args.get("name", "")
    path = os.path.join(DOWNLOAD_DIR, name)
    return send_file(path, as_attachment=True)
