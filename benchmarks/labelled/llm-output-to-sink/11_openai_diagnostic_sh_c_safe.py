# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-78 (cwe.mitre.org/data/definitions/78.html)
# note: the model only picks a diagnostic name; the argv comes from a fixed table and runs without a shell, unknown names are refused.
import subprocess

from openai import OpenAI

client = OpenAI()
DIAGNOSTICS = {
    "disk": ["df", "-h"],
    "memory": ["free", "-m"],
    "ports": ["ss", "-tln"],
}


def run_diagnostic(symptom: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": f"Reply with the one diagnostic that fits the symptom: {', '.join(DIAGNOSTICS)}."},
            {"role": "user", "content": symptom},
        ],
    )
    argv = DIAGNOSTICS.get(response.choices[0].message.content.strip().lower())
    if argv is None:
        return "no matching diagnostic"
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = proc.communicate(timeout=60)
    return output
