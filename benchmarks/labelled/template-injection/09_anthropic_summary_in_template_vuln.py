# category: template-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-1336
# expect: 20
# note: Claude's summary of an attacker-written ticket is concatenated into the jinja2.Template source, so template syntax smuggled through the model is executed.

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
    template = Template("Customer: {{ customer.name }}\n" + summary)
    return template.render(customer=customer)
