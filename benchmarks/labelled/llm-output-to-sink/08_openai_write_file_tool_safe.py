# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-22 (cwe.mitre.org/data/definitions/22.html)
# note: write_file resolves the target and refuses it unless Path.resolve().is_relative_to(WORKSPACE) holds, reporting the refusal back to the model.
import json
from pathlib import Path

from openai import OpenAI

client = OpenAI()
WORKSPACE = Path("/srv/agent/workspace")


def write_file(path: str, content: str) -> str:
    target = (WORKSPACE / path).resolve()
    if not target.is_relative_to(WORKSPACE.resolve()):
        return f"error: {path} is outside the workspace"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return f"wrote {len(content)} characters to {path}"


def agent_step(messages: list, tools: list) -> str:
    response = client.chat.completions.create(model="gpt-4o", messages=messages, tools=tools)
    call = response.choices[0].message.tool_calls[0]
    args = json.loads(call.function.arguments)
    return write_file(args["path"], args["content"])
