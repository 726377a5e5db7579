# category: trust-boundary-violation
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-501
# note: the model's answer is stored only if it is one of the known TOPICS, otherwise 'general'.

from flask import Flask, redirect, request, session, url_for
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()

TOPICS = {"billing", "technical", "account"}


@app.post("/support/triage")
def triage():
    complaint = request.form["message"]
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Classify the ticket as billing, technical or account. One word."},
            {"role": "user", "content": complaint},
        ],
    )
    topic = completion.choices[0].message.content.strip().lower()
    session["support_topic"] = topic if topic in TOPICS else "general"
    return redirect(url_for("support_queue"))
