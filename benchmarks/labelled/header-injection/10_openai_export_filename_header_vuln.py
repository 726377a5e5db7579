# category: header-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; RFC 6266 Section 4.3
# expect: 23
# note: the model's suggested file name, which the note content can steer, is put unencoded into Content-Disposition, so quotes or semicolons inject header parameters (CR/LF too on lenient stacks).

from flask import Flask, Response, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.post("/notes/export")
def export_note():
    note = request.form["note"]
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Suggest a short file name (no extension) for this note:\n{note}"}],
    )
    title = completion.choices[0].message.content.strip()
    resp = Response(note, mimetype="text/markdown")
    resp.headers["Content-Disposition"] = f'attachment; filename="{title}.md"'
    return resp
