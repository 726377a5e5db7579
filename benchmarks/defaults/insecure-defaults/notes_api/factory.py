import logging
import os

from flask import Flask
from flask_cors import CORS


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object("settings.BaseConfig")
    app.config["DEBUG"] = os.getenv("FLASK_DEBUG") == "1"
    CORS(app, origins=os.environ["CORS_ORIGINS"].split(","), supports_credentials=True)
    logging.basicConfig(level=logging.INFO)

    @app.get("/health")
    def health():
        return {"status": "ok"}

    return app


if __name__ == "__main__":
    application = create_app()
    application.run(
        host="127.0.0.1",
        port=int(os.environ.get("PORT", "5000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
    )
