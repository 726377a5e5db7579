"""Run the notes API locally with the Werkzeug server."""
import os

from werkzeug.serving import run_simple

from app import app

if __name__ == "__main__":
    port = int(os.environ.get("PORT", "5000"))
    run_simple("localhost", port, app, use_reloader=True, use_debugger=True)
