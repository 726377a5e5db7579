# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-73 (cwe.mitre.org/data/definitions/73.html)
# expect: 23
# note: downloaded file names can carry injected instructions, and each line the model answers is joined onto DOWNLOADS and deleted, so "../.ssh/id_ed25519" removes a key.
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
        path = os.path.join(DOWNLOADS, name.strip())
        if os.path.isfile(path):
            os.remove(path)
            removed.append(name.strip())
    return removed
