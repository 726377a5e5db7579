# category: template-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# expect: 25
# note: the OpenAI completion, which the user's brief can steer by prompt injection, is rendered as a Jinja2 template by render_template_string (SSTI from model output).

from flask import Flask, render_template_string, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.post("/campaigns/draft")
def draft_campaign():
    brief = request.form["brief"]
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Write a Jinja2 HTML email. Use {{ first_name }} for the recipient."},
            {"role": "user", "content": brief},
        ],
    )
    template_source = completion.choices[0].message.content
    return render_template_string(template_source, first_name="Sam")
