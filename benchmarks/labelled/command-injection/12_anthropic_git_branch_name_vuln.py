# category: command-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; Python docs: shlex.quote
# expect: 22
# note: The branch name suggested by Claude from ticket text is put into an os.system() command unquoted.
import os

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
    os.system(f"git checkout -b {branch}")
