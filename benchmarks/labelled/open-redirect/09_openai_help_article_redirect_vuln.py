# category: open-redirect
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-601
# expect: 25
# note: the URL chosen by the OpenAI model from the user's free-text question (prompt-injectable) is used directly as the redirect target.

from flask import Flask, redirect, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.route("/help/go")
def help_go():
    question = request.args.get("q", "")
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Reply with only the URL of the most relevant help.example.com article."},
            {"role": "user", "content": question},
        ],
    )
    article_url = completion.choices[0].message.content.strip()
    return redirect(article_url)
