# category: path-traversal
# label: safe
# source: Flask docs, Patterns: Uploading Files (werkzeug.utils.secure_filename)
# note: secure_filename strips path separators and leading dots, so the saved file always lands directly inside the upload folder.
import os

from flask import Flask, abort, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


@app.post("/upload")
def upload():
    file = request.files.get("file")
    if file is None or file.filename == "":
        abort(400)
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], secure_filename(file.filename)))
    return {"status": "ok"}, 201
