# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-73 (cwe.mitre.org/data/definitions/73.html)
# note: os.path.basename strips any directory part from each model-suggested name, so only files directly inside DOWNLOADS can be removed.
import os

import litellm

DOWNLOADS = os.path.expanduser("~/Downloads")


def cleanup_downloads() -> list:
    listing = "\n".join(os.listdir(DOWNLOADS))
    response = litellm.completion(
        model="anthropic/claude-3-5-haiku-latest",
        messages=[{"role": "user", "content": f"Which of these files are installers or duplicates? One name per line.\n{listing}"}],
    )
    removed = []
    for name in response.choices[0].message.content.splitlines():
        path = os.path.join(DOWNLOADS, os.path.basename(name.strip()))
        if os.path.isfile(path):
            os.remove(path)
            removed.append(name.strip())
    return removed
