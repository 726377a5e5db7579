# category: ssrf
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet
# expect: 20
# note: the URL Claude returns is opened with urlopen, so a prompt-injected question can make the server read file:///etc/passwd or internal HTTP services.
import urllib.request

import anthropic

client = anthropic.Anthropic()


def fetch_cited_source(question: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Give only the URL of the best reference for: {question}"}],
    )
    url = msg.content[0].text.strip()
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode("utf-8", "replace")
