# category: template-injection
# label: safe
# source: PortSwigger Web Security Academy: Server-side template injection, "Constructing a server-side template injection attack"
# note: the template is the constant '<article>{{ body }}</article>' and body is only a render() argument, escaped by select_autoescape().

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, select_autoescape

app = FastAPI()
env = Environment(autoescape=select_autoescape())


@app.get("/preview", response_class=HTMLResponse)
async def preview(request: Request):
    params = dict(request.query_params)
    body = params.get("body", "Nothing to preview")
    page = env.from_string("<article>{{ body }}</article>")
    return page.render(site="Docs", body=body)
