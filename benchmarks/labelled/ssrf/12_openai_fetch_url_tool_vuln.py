# category: ssrf
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet
# expect: 26
# note: the URL argument of the model's fetch_url tool call (steerable by injected page or user text) is fetched without validation, exposing internal hosts to the agent.
import json

import requests
from openai import OpenAI

client = OpenAI()
TOOLS = [{
    "type": "function",
    "function": {
        "name": "fetch_url",
        "description": "Fetch a web page and return its text",
        "parameters": {"type": "object", "properties": {"url": {"type": "string"}}, "required": ["url"]},
    },
}]


def run_agent_step(messages: list) -> str:
    response = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS)
    call = response.choices[0].message.tool_calls[0]
    args = json.loads(call.function.arguments)
    page = requests.get(args["url"], timeout=10)
    return page.text[:20000]
