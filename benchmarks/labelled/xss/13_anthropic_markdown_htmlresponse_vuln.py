# category: xss
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; Python-Markdown 2.6 release notes (safe_mode deprecated, use an HTML sanitizer such as Bleach)
# expect: 25
# note: Claude's Markdown answer is converted with markdown.markdown(), which passes raw HTML through, and is returned in an HTMLResponse unsanitized.

import anthropic
import markdown
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()
client = anthropic.Anthropic()


@app.get("/explain", response_class=HTMLResponse)
def explain(topic: str):
    message = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=800,
        messages=[{"role": "user", "content": f"Explain {topic} in Markdown."}],
    )
    answer = message.content[0].text
    body = markdown.markdown(answer)
    return HTMLResponse(f"<main>{body}</main>")
