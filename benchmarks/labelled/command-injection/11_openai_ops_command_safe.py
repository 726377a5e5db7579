# category: command-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; OWASP OS Command Injection Defense Cheat Sheet, Layer 2 (commands validated against an allow-list)
# expect: none
# note: The model only picks a task name, which must be a key of a fixed map of constant argv lists, run without a shell.
import subprocess

from openai import OpenAI

client = OpenAI()
SYSTEM = "Pick the task for the operator's request: disk_usage, memory or uptime. Reply with the task name only."
TASKS = {"disk_usage": ["df", "-h"], "memory": ["free", "-m"], "uptime": ["uptime"]}


def run_ops_request(request_text: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": request_text}],
    )
    task = resp.choices[0].message.content.strip()
    if task not in TASKS:
        raise ValueError(f"model chose an unknown task: {task!r}")
    done = subprocess.run(TASKS[task], capture_output=True, text=True, timeout=60)
    return done.stdout
