# category: unsafe-deserialization
# label: vulnerable
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust.")
# expect: 27
# note: the replacement index is unpickled straight from the uploaded file, so anyone who can reach the endpoint gets code execution.
import os
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)
INDEX_CACHE = os.path.join(app.instance_path, "search-index.pickle")


def build_index(documents: dict) -> dict:
    index: dict = {}
    for doc_id, text in documents.items():
        for term in set(text.lower().split()):
            index.setdefault(term, []).append(doc_id)
    with open(INDEX_CACHE, "wb") as fh:
        pickle.dump(index, fh)
    return index


@app.post("/search/index")
def load_index():
    index = pickle.load(request.files["index"].stream)
    app.config["SEARCH_INDEX"] = index
    return jsonify(terms=len(index))
