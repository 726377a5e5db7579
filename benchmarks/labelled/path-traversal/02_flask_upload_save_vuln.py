# category: path-traversal
# label: vulnerable
# source: Flask docs, Patterns: Uploading Files (werkzeug.utils.secure_filename)
# expect: 19
# note: the client-supplied multipart filename is joined onto the upload folder unchanged, so a filename like ../../app/config.py overwrites files outside it.
import os

from flask import Flask, abort, request

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


@app.post("/upload")
def upload():
    file = request.files.get("file")
    if file is None or file.filename == "":
        abort(400)
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], file.filename))
    return {"status": "ok"}, 201
