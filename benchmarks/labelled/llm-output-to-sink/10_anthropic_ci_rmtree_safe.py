# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-22 (cwe.mitre.org/data/definitions/22.html)
# note: the resolved directory must lie strictly below BUILD_ROOT (is_relative_to and not the root itself) before rmtree is called.
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
    victim = (BUILD_ROOT / msg.content[0].text.strip()).resolve()
    root = BUILD_ROOT.resolve()
    if victim == root or not victim.is_relative_to(root):
        raise ValueError(f"refusing to delete {victim}")
    shutil.rmtree(victim)
    return f"removed {victim}"
