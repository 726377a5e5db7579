# category: template-injection
# label: vulnerable
# source: PortSwigger Web Security Academy: Server-side template injection, "Constructing a server-side template injection attack"
# expect: 19
# note: the body query parameter (read with dict .get) is concatenated into the Jinja2 template source passed to from_string, so an attacker controls template code.

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, select_autoescape

app = FastAPI()
env = Environment(autoescape=select_autoescape())


@app.get("/preview", response_class=HTMLResponse)
async def preview(request: Request):
    params = dict(request.query_params)
    body = params.get("body", "Nothing to preview")
    page = env.from_string("<article>" + body + "</article>")
    return page.render(site="Docs")
