# category: path-traversal
# label: safe
# source: Flask docs, API: flask.send_file warning ("Never pass file paths provided by a user") and flask.send_from_directory
# note: send_from_directory joins the name with werkzeug's safe_join under a fixed directory and returns 404 for anything that would escape it.
import os

from flask import Flask, request, send_from_directory

app = Flask(__name__)
DOWNLOAD_DIR = os.path.join(app.root_path, "downloads")


@app.route("/download")
def download():
    name = request.args.get("name", "")
    return send_from_directory(DOWNLOAD_DIR, name, as_attachment=True)
