# category: header-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-113
# note: CR/LF runs in the model's label are collapsed to a space and the value is truncated before it is set as a header.

import re

import anthropic
from fastapi import Body, FastAPI, Response

app = FastAPI()
client = anthropic.Anthropic()

CRLF = re.compile(r"[\r\n]+")


@app.post("/documents/classify")
def classify(response: Response, document: str = Body(..., embed=True)):
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=50,
        messages=[{"role": "user", "content": f"Give a one-line label for this document:\n{document}"}],
    )
    label = CRLF.sub(" ", message.content[0].text).strip()[:100]
    response.headers["X-Document-Label"] = label
    return {"stored": True}
