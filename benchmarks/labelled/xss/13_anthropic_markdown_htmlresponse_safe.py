# category: xss
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; Python-Markdown 2.6 release notes (safe_mode deprecated, use an HTML sanitizer such as Bleach)
# note: the Markdown output goes through bleach.clean() with a tag/attribute allow-list before it is placed in the HTMLResponse.

import anthropic
import bleach
import markdown
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()
client = anthropic.Anthropic()

ALLOWED_TAGS = {"p", "h1", "h2", "h3", "ul", "ol", "li", "code", "pre", "strong", "em", "blockquote"}


@app.get("/explain", response_class=HTMLResponse)
def explain(topic: str):
    message = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=800,
        messages=[{"role": "user", "content": f"Explain {topic} in Markdown."}],
    )
    answer = message.content[0].text
    body = bleach.clean(markdown.markdown(answer), tags=ALLOWED_TAGS, attributes={}, strip=True)
    return HTMLResponse(f"<main>{body}</main>")
