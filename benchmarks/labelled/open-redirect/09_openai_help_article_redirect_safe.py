# category: open-redirect
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-601
# note: the model's URL is followed only if it is https on the help.example.com host; anything else goes to the help index.

from urllib.parse import urlparse

from flask import Flask, redirect, request, url_for
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
    parsed = urlparse(article_url)
    if parsed.scheme != "https" or parsed.hostname != "help.example.com":
        article_url = url_for("help_index")
    return redirect(article_url)
