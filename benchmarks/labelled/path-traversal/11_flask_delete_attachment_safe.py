# category: path-traversal
# label: safe
# source: Werkzeug docs: werkzeug.utils.secure_filename; CWE-22 (cwe.mitre.org/data/definitions/22.html)
# note: secure_filename reduces the name to a single safe component, so the concatenated target is always a direct child of ATTACHMENT_DIR.
import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
ATTACHMENT_DIR = "/srv/app/attachments"


@app.delete("/api/attachments")
def delete_attachment():
    payload = request.get_json(force=True)
    filename = secure_filename(payload.get("filename", ""))
    target = ATTACHMENT_DIR + "/" + filename
    if os.path.isfile(target):
        os.remove(target)
        return jsonify(deleted=filename)
    return jsonify(error="not found"), 404
