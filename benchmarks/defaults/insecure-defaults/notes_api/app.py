import os

from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
CORS(app)

NOTES: dict[int, dict] = {}


@app.route("/notes", methods=["GET"])
def list_notes():
    return jsonify(list(NOTES.values()))


@app.route("/notes", methods=["POST"])
def create_note():
    payload = request.get_json(force=True)
    note_id = len(NOTES) + 1
    NOTES[note_id] = {"id": note_id, "text": payload.get("text", "")}
    return jsonify(NOTES[note_id]), 201


@app.route("/notes/<int:note_id>", methods=["DELETE"])
def delete_note(note_id: int):
    NOTES.pop(note_id, None)
    return "", 204


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
