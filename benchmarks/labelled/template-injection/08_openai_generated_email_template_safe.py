# category: template-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# note: the model writes only plain body text, which is passed as a variable into a constant, autoescaped layout template.

from flask import Flask, render_template_string, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()

EMAIL_LAYOUT = "<p>Hi {{ first_name }},</p><div>{{ body }}</div>"


@app.post("/campaigns/draft")
def draft_campaign():
    brief = request.form["brief"]
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Write the body of a marketing email as plain text."},
            {"role": "user", "content": brief},
        ],
    )
    body = completion.choices[0].message.content
    return render_template_string(EMAIL_LAYOUT, first_name="Sam", body=body)
