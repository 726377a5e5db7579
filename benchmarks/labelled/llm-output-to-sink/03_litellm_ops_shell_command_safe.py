# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-78 (cwe.mitre.org/data/definitions/78.html)
# note: the reply is split into argv without a shell and the program must be one of four read-only commands, so metacharacters are inert and nothing else can run.
import shlex
import subprocess

import litellm

ALLOWED_PROGRAMS = {"df", "uptime", "free", "ls"}


def run_ops_request(request_text: str) -> str:
    response = litellm.completion(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Translate the operator's request into a single shell command. Output the command only."},
            {"role": "user", "content": request_text},
        ],
    )
    argv = shlex.split(response.choices[0].message.content.strip())
    if not argv or argv[0] not in ALLOWED_PROGRAMS:
        return f"refused: {argv[:1]} is not an allowed command"
    result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    return result.stdout or result.stderr
