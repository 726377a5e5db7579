# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-22 (cwe.mitre.org/data/definitions/22.html)
# expect: 17, 18
# note: the agent's write_file tool takes the path from the model's tool call, and WORKSPACE / "../../home/app/.bashrc" (or an absolute path) writes outside the workspace.
import json
from pathlib import Path

from openai import OpenAI

client = OpenAI()
WORKSPACE = Path("/srv/agent/workspace")


def write_file(path: str, content: str) -> str:
    target = WORKSPACE / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return f"wrote {len(content)} characters to {path}"


def agent_step(messages: list, tools: list) -> str:
    response = client.chat.completions.create(model="gpt-4o", messages=messages, tools=tools)
    call = response.choices[0].message.tool_calls[0]
    args = json.loads(call.function.arguments)
    return write_file(args["path"], args["content"])
