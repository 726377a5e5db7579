# category: open-redirect
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# expect: 24
# note: the 'path' Claude returns for a free-text command is trusted as a redirect target, but the model can be steered to emit //evil.example or a full URL.

import anthropic
from fastapi import FastAPI, Form
from fastapi.responses import RedirectResponse

app = FastAPI()
client = anthropic.Anthropic()


@app.post("/assistant/navigate")
def navigate(command: str = Form(...)):
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=100,
        system="Map the user's request to a page path in our app, e.g. /billing. Reply with the path only.",
        messages=[{"role": "user", "content": command}],
    )
    path = message.content[0].text.strip()
    return RedirectResponse(path, status_code=303)
