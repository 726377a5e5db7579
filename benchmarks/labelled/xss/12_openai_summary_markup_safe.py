# category: xss
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; bleach docs: "Sanitizing text fragments"
# note: bleach.clean() with a small tag allow-list and strip=True removes scripts and attributes before the model HTML is marked safe.

import bleach
from flask import Flask, render_template, request
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()

ALLOWED_TAGS = {"ul", "ol", "li", "p", "strong", "em"}


@app.post("/reviews/summary")
def review_summary():
    reviews = request.form["reviews"]
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Summarize the customer reviews as an HTML list."},
            {"role": "user", "content": reviews},
        ],
    )
    summary_html = completion.choices[0].message.content
    cleaned = bleach.clean(summary_html, tags=ALLOWED_TAGS, attributes={}, strip=True)
    return render_template("summary.html", summary=Markup(cleaned))
