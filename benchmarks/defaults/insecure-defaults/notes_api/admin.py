from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
app.config["DEBUG"] = True
app.config.update(SECRET_KEY="change-me-in-prod", ENV="production")
CORS(app, origins="*", supports_credentials=True)


@app.route("/admin/stats")
def stats():
    return jsonify({"users": 42, "notes": 1337})


@app.route("/admin/flush", methods=["POST"])
def flush():
    return jsonify({"flushed": True})


if __name__ == "__main__":
    app.debug = True
    app.run(host="0.0.0.0")
