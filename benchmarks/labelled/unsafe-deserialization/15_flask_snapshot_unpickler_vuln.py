# category: unsafe-deserialization
# label: vulnerable
# source: Python docs: pickle, "Restricting Globals" (Unpickler.find_class)
# expect: 15
# note: a plain pickle.Unpickler resolves any global the payload names, so the uploaded snapshot can call os.system during load().
import io
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)


def load_snapshot(data: bytes):
    return pickle.Unpickler(io.BytesIO(data)).load()


@app.post("/snapshots")
def upload_snapshot():
    snapshot = load_snapshot(request.get_data())
    return jsonify(keys=sorted(map(str, snapshot)))
