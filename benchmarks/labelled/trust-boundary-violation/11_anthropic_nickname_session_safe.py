# category: trust-boundary-violation
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-501
# note: the model's suggestion is stored only if it fully matches a short word-character nickname pattern, else a constant default.

import re

import anthropic
from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
client = anthropic.Anthropic()

NICKNAME = re.compile(r"[A-Za-z0-9_ .-]{1,24}")


@app.post("/profile/nickname")
def suggest_nickname():
    bio = request.form["bio"]
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=20,
        messages=[{"role": "user", "content": f"Suggest a short nickname for someone with this bio:\n{bio}"}],
    )
    candidate = message.content[0].text.strip()
    session["nickname"] = candidate if NICKNAME.fullmatch(candidate) else "friend"
    return redirect(url_for("profile"))
