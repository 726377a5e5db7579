# category: code-injection
# label: safe
# source: Python docs: str.isidentifier() and keyword.iskeyword(); CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')
# expect: none
# note: The name must be a plain non-keyword identifier without a leading underscore, so the eval can only be one public attribute lookup.
import keyword

from flask import Flask, abort, jsonify

from myapp import settings

app = Flask(__name__)


@app.get("/config/<name>")
def read_setting(name):
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        abort(404)
    value = eval(f"settings.{name}")
    return jsonify({name: value})
