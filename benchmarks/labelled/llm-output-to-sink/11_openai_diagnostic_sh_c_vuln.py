# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-78 (cwe.mitre.org/data/definitions/78.html)
# expect: 22
# note: the model's reply is handed to "sh -c", so a symptom description that injects "; cat /etc/shadow" gets executed by the support bot.
import subprocess

from openai import OpenAI

client = OpenAI()


def run_diagnostic(symptom: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Reply with one Linux command that diagnoses the symptom. Command only."},
            {"role": "user", "content": symptom},
        ],
    )
    command = response.choices[0].message.content.strip()
    proc = subprocess.Popen(["sh", "-c", command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = proc.communicate(timeout=60)
    return output
