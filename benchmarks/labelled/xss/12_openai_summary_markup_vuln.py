# category: xss
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; bleach docs: "Sanitizing text fragments"
# expect: 26
# note: the OpenAI summary of attacker-written reviews is wrapped in Markup, so any <script>/<img onerror> the model emits is rendered unescaped.

from flask import Flask, render_template, request
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


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
    return render_template("summary.html", summary=Markup(summary_html))
