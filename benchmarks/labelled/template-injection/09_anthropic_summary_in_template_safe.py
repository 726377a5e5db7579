# category: template-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-1336
# note: the summary is passed to render() as the summary variable of a constant plain-text template, so it is never parsed as template code.

import anthropic
from jinja2 import Template

client = anthropic.Anthropic()


def summarize_ticket(ticket_text: str, customer: dict) -> str:
    message = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=512,
        messages=[{"role": "user", "content": f"Summarize this support ticket:\n{ticket_text}"}],
    )
    summary = message.content[0].text
    template = Template("Customer: {{ customer.name }}\n{{ summary }}")
    return template.render(customer=customer, summary=summary)
