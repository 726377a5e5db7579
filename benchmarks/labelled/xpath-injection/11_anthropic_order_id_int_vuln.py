# category: xpath-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; OWASP Web Security Testing Guide, "Testing for XPath Injection" (WSTG-INPV-09)
# expect: 20
# note: The order id Claude extracts from an email is put unquoted into the XPath predicate.
import anthropic
from lxml import etree

client = anthropic.Anthropic()
ORDERS = etree.parse("orders.xml")


def order_status(email_body: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=16,
        messages=[{"role": "user", "content": "Reply with only the numeric order id in this email:\n\n" + email_body}],
    )
    order_id = msg.content[0].text.strip()
    return ORDERS.xpath(f"string(//order[@id={order_id}]/status)")
