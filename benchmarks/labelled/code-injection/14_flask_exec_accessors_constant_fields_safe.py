# category: code-injection
# label: safe
# source: CWE-94: Improper Control of Generation of Code ('Code Injection')
# expect: none
# note: The accessors are generated once from a tuple of constant field names; request data is only passed to the generated functions as a value.
from flask import Flask, jsonify, request

app = Flask(__name__)
EXPORT_FIELDS = ("id", "email", "created_at")


def build_accessors(fields):
    ns = {}
    for field in fields:
        exec(f"def get_{field}(record):\n    return record.get('{field}')", ns)
    return ns


ACCESSORS = build_accessors(EXPORT_FIELDS)


@app.post("/exports/preview")
def export_preview():
    row = request.get_json()["sample"]
    return jsonify({name[4:]: fn(row) for name, fn in ACCESSORS.items() if name.startswith("get_")})
