# category: ssrf
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet
# note: the tool only fetches https URLs whose hostname is in an allow-list of public reference sites and reports anything else back to the model as an error.
import json
from urllib.parse import urlparse

import requests
from openai import OpenAI

client = OpenAI()
ALLOWED_HOSTS = {"en.wikipedia.org", "docs.python.org"}
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
    parsed = urlparse(args["url"])
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        return f"error: fetching {parsed.hostname!r} is not allowed"
    page = requests.get(args["url"], timeout=10, allow_redirects=False)
    return page.text[:20000]
