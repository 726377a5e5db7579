# category: command-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; OWASP OS Command Injection Defense Cheat Sheet, Layer 2 (commands validated against an allow-list)
# expect: 20
# note: The shell command written by the OpenAI model from operator text (open to prompt injection) runs with shell=True.
import subprocess

from openai import OpenAI

client = OpenAI()
SYSTEM = "Translate the operator's request into one shell command for a Debian server. Reply with the command only."


def run_ops_request(request_text: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": request_text}],
    )
    command = resp.choices[0].message.content.strip()
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return done.stdout
