# category: trust-boundary-violation
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-501
# expect: 25
# note: the OpenAI classification of attacker-written text is stored verbatim in the session, so a prompt-injected reply becomes 'trusted' session state used for routing.

from flask import Flask, redirect, request, session, url_for
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


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
    session["support_topic"] = topic
    return redirect(url_for("support_queue"))
