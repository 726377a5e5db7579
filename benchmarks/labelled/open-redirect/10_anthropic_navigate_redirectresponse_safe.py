# category: open-redirect
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# note: the model's answer is used only if it exactly matches one of the app's known page paths; otherwise the user is sent to '/'.

import anthropic
from fastapi import FastAPI, Form
from fastapi.responses import RedirectResponse

app = FastAPI()
client = anthropic.Anthropic()

APP_PAGES = {"/billing", "/settings", "/reports", "/team"}


@app.post("/assistant/navigate")
def navigate(command: str = Form(...)):
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=100,
        system="Map the user's request to a page path in our app, e.g. /billing. Reply with the path only.",
        messages=[{"role": "user", "content": command}],
    )
    path = message.content[0].text.strip()
    if path not in APP_PAGES:
        path = "/"
    return RedirectResponse(path, status_code=303)
