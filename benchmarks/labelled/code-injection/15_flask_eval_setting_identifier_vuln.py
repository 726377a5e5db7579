# category: code-injection
# label: vulnerable
# source: Python docs: str.isidentifier() and keyword.iskeyword(); CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')
# expect: 15
# note: The <name> route segment is put into eval(f'settings.{name}'), so any expression after 'settings.' can run.
from flask import Flask, jsonify

from myapp import settings

app = Flask(__name__)


@app.get("/config/<name>")
def read_setting(name):
    value = eval(f"settings.{name}")
    return jsonify({name: value})
