# category: unsafe-deserialization
# label: vulnerable
# source: NumPy docs: numpy.load, allow_pickle ("Loading files that contain object arrays uses the pickle module, which is not secure")
# expect: 15
# note: allow_pickle=True lets an uploaded .npy with an object array run pickle on load.
import numpy as np
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/embeddings/upload")
def upload_embeddings():
    upload = request.files["vectors"]
    vectors = np.load(upload.stream, allow_pickle=True)
    return jsonify(shape=list(vectors.shape), dtype=str(vectors.dtype))
