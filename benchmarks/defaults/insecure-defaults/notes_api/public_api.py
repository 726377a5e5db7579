from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/public/*": {"origins": "*"}})
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)


@app.route("/public/catalogue")
def catalogue():
    return jsonify([{"sku": "A-100", "name": "Notebook"}])


@app.route("/api/me")
def me():
    return jsonify({"id": 1})


if __name__ == "__main__":
    app.run()
