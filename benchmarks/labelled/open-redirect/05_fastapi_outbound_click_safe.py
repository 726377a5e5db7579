# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Preventing Unvalidated Redirects and Forwards" (allow-list of destinations)
# note: the target must be https and its hostname an exact member of the PARTNER_HOSTS allow-list, otherwise the request is refused with 400.

from urllib.parse import urlparse

from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse

app = FastAPI()

PARTNER_HOSTS = {"docs.example.com", "status.example.com"}


@app.get("/out")
def outbound(url: str):
    # count the outbound click, then forward the browser
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in PARTNER_HOSTS:
        raise HTTPException(status_code=400, detail="unknown destination")
    return RedirectResponse(url=url, status_code=302)
