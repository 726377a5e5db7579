# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-22 (cwe.mitre.org/data/definitions/22.html)
# expect: 22
# note: the directory Claude names (from a disk report that build logs can influence) is removed recursively; "/" or "../../srv" deletes far more than a build.
import shutil
from pathlib import Path

import anthropic

client = anthropic.Anthropic()
BUILD_ROOT = Path("/srv/ci/builds")


def free_disk_space(df_report: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=100,
        messages=[{"role": "user", "content": f"Which build directory should be deleted to free space? Path only.\n{df_report}"}],
    )
    victim = BUILD_ROOT / msg.content[0].text.strip()
    shutil.rmtree(victim)
    return f"removed {victim}"
