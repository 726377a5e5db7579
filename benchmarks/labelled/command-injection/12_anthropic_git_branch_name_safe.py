# category: command-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; Python docs: shlex.quote
# expect: none
# note: The suggested name goes through shlex.quote(), so the shell receives it as one literal word.
import os
import shlex

import anthropic

client = anthropic.Anthropic()


def create_branch_for(ticket_text: str) -> None:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=40,
        messages=[{"role": "user", "content": (
            "Suggest a git branch name for this ticket. Reply with the name only.\n\n" + ticket_text
        )}],
    )
    branch = msg.content[0].text.strip()
    os.system(f"git checkout -b {shlex.quote(branch)}")
