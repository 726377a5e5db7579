# category: unsafe-deserialization
# label: safe
# source: NumPy docs: numpy.load, allow_pickle ("Loading files that contain object arrays uses the pickle module, which is not secure")
# note: allow_pickle=False (the default) makes numpy refuse object arrays, so only raw numeric data is read.
import numpy as np
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/embeddings/upload")
def upload_embeddings():
    upload = request.files["vectors"]
    vectors = np.load(upload.stream, allow_pickle=False)
    return jsonify(shape=list(vectors.shape), dtype=str(vectors.dtype))
