# category: ssrf
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet
# note: the model's URL is opened only if it is https and its hostname is one of the allowed documentation sites.
import urllib.request
from urllib.parse import urlparse

import anthropic

client = anthropic.Anthropic()
REFERENCE_HOSTS = {"docs.python.org", "peps.python.org", "developer.mozilla.org"}


def fetch_cited_source(question: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Give only the URL of the best reference for: {question}"}],
    )
    url = msg.content[0].text.strip()
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in REFERENCE_HOSTS:
        raise ValueError(f"refusing to fetch {url!r}")
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode("utf-8", "replace")
