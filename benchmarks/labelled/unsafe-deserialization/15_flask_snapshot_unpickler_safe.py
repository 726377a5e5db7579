# category: unsafe-deserialization
# label: safe
# source: Python docs: pickle, "Restricting Globals" (Unpickler.find_class)
# note: the documented RestrictedUnpickler pattern refuses every global except a few harmless builtins, so no callable can be reached from the payload.
import builtins
import io
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)
SAFE_BUILTINS = {"set", "frozenset", "complex", "range", "slice"}


class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in SAFE_BUILTINS:
            return getattr(builtins, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


def load_snapshot(data: bytes):
    return RestrictedUnpickler(io.BytesIO(data)).load()


@app.post("/snapshots")
def upload_snapshot():
    snapshot = load_snapshot(request.get_data())
    return jsonify(keys=sorted(map(str, snapshot)))
