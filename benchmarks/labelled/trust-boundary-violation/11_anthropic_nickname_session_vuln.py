# category: trust-boundary-violation
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-501
# expect: 22
# note: Claude's free-text reply to an attacker-written bio is stored as session['nickname'], which other pages treat as vetted display data.

import anthropic
from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
client = anthropic.Anthropic()


@app.post("/profile/nickname")
def suggest_nickname():
    bio = request.form["bio"]
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=20,
        messages=[{"role": "user", "content": f"Suggest a short nickname for someone with this bio:\n{bio}"}],
    )
    session["nickname"] = message.content[0].text
    return redirect(url_for("profile"))
