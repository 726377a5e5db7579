# category: xss
# label: safe
# source: FastAPI docs: Custom Response - HTML, Stream, File, others, "HTMLResponse"; OWASP Cross Site Scripting Prevention Cheat Sheet, "Output Encoding"
# note: html.escape() is applied to both parameters before they are interpolated into the HTMLResponse content.

import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/items/{item_id}", response_class=HTMLResponse)
async def read_item(item_id: str, ref: str = ""):
    return HTMLResponse(content=f"<h2>Item {html.escape(item_id)}</h2><p>Referred by {html.escape(ref)}</p>")
