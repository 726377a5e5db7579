# category: path-traversal
# label: vulnerable
# source: Werkzeug docs: werkzeug.utils.secure_filename; CWE-22 (cwe.mitre.org/data/definitions/22.html)
# expect: 20
# note: the JSON filename is concatenated onto the attachment directory, so {"filename": "../../app/instance/app.db"} deletes files outside it.
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
ATTACHMENT_DIR = "/srv/app/attachments"


@app.delete("/api/attachments")
def delete_attachment():
    payload = request.get_json(force=True)
    filename = payload.get("filename", "")
    target = ATTACHMENT_DIR + "/" + filename
    if os.path.isfile(target):
        os.remove(target)
        return jsonify(deleted=filename)
    return jsonify(error="not found"), 404
