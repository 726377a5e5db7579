# category: unsafe-deserialization
# label: safe
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust.")
# note: pickle.load only reads the cache file that build_index() itself wrote to a constant path in the instance folder; no request data is unpickled.
import os
import pickle

from flask import Flask, jsonify

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
    with open(INDEX_CACHE, "rb") as fh:
        index = pickle.load(fh)
    app.config["SEARCH_INDEX"] = index
    return jsonify(terms=len(index))
