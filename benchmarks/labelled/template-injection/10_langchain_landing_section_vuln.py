# category: template-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# expect: 20
# note: the LangChain llm.invoke() reply is compiled with Environment.from_string, so a prompt-injected or hallucinated {{ ... }} payload runs as template code.

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment, select_autoescape
from langchain_openai import ChatOpenAI

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini")
env = Environment(autoescape=select_autoescape())


@app.get("/landing/{product}", response_class=HTMLResponse)
def landing(product: str):
    reply = llm.invoke(f"Write a short HTML landing page section for {product}. You may use {{{{ price }}}}.")
    section = env.from_string(reply.content)
    return section.render(price="$19")
