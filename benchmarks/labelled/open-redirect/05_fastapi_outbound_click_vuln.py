# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Preventing Unvalidated Redirects and Forwards" (allow-list of destinations)
# expect: 16
# note: the url query parameter is returned as a RedirectResponse target unchecked, so the click tracker is an open redirector.

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/out")
def outbound(url: str):
    # count the outbound click, then forward the browser
    return RedirectResponse(url=url, status_code=302)
