# category: xss
# label: vulnerable
# source: FastAPI docs: Custom Response - HTML, Stream, File, others, "HTMLResponse"; OWASP Cross Site Scripting Prevention Cheat Sheet, "Output Encoding"
# expect: 15
# note: the path and query parameters are interpolated unescaped into the content of an HTMLResponse.

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/items/{item_id}", response_class=HTMLResponse)
async def read_item(item_id: str, ref: str = ""):
    return HTMLResponse(content=f"<h2>Item {item_id}</h2><p>Referred by {ref}</p>")
