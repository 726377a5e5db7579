# category: header-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-113
# expect: 22
# note: Claude's free-text label for an attacker-supplied document goes verbatim into a response header; models readily emit newlines, and Starlette leaves CR/LF checks to the ASGI server.

import anthropic
from fastapi import Body, FastAPI, Response

app = FastAPI()
client = anthropic.Anthropic()


@app.post("/documents/classify")
def classify(response: Response, document: str = Body(..., embed=True)):
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=50,
        messages=[{"role": "user", "content": f"Give a one-line label for this document:\n{document}"}],
    )
    label = message.content[0].text
    response.headers["X-Document-Label"] = label
    return {"stored": True}
