"""Serve the app with the interactive debugger and the reloader for profiling sessions."""
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

from app import app

application = DebuggedApplication(app, evalex=True)

if __name__ == "__main__":
    run_simple("0.0.0.0", 8080, application, use_reloader=True)
