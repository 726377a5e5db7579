# category: header-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; RFC 6266 Section 4.3
# note: secure_filename() reduces the model's suggestion to a safe ASCII token (falling back to 'note') before it goes into the header.

from flask import Flask, Response, request
from openai import OpenAI
from werkzeug.utils import secure_filename

app = Flask(__name__)
client = OpenAI()


@app.post("/notes/export")
def export_note():
    note = request.form["note"]
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Suggest a short file name (no extension) for this note:\n{note}"}],
    )
    title = secure_filename(completion.choices[0].message.content.strip()) or "note"
    resp = Response(note, mimetype="text/markdown")
    resp.headers["Content-Disposition"] = f'attachment; filename="{title}.md"'
    return resp
