# category: template-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# note: the model reply is rendered as the blurb variable of a constant template (autoescaped for strings by select_autoescape()), never compiled.

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment, select_autoescape
from langchain_openai import ChatOpenAI

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini")
env = Environment(autoescape=select_autoescape())


@app.get("/landing/{product}", response_class=HTMLResponse)
def landing(product: str):
    reply = llm.invoke(f"Write a short plain-text blurb for {product}.")
    section = env.from_string("<section><p>{{ blurb }}</p><p>{{ price }}</p></section>")
    return section.render(price="$19", blurb=reply.content)
