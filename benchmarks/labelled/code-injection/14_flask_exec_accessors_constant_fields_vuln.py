# category: code-injection
# label: vulnerable
# source: CWE-94: Improper Control of Generation of Code ('Code Injection')
# expect: 14
# note: Field names from the JSON body are put into function source that is exec'd, so a name such as 'x(r=__import__("os").system("id")):#' runs code when the def executes.
from flask import Flask, jsonify, request

app = Flask(__name__)


def build_accessors(fields):
    ns = {}
    for field in fields:
        exec(f"def get_{field}(record):\n    return record.get('{field}')", ns)
    return ns


@app.post("/exports/preview")
def export_preview():
    body = request.get_json()
    accessors = build_accessors(body["fields"])
    row = body["sample"]
    return jsonify({name[4:]: fn(row) for name, fn in accessors.items() if name.startswith("get_")})
