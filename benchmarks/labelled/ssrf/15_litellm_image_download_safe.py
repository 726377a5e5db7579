# category: ssrf
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet
# note: illustrate() only passes the model's URL on when it is https on an allowed image host.
from urllib.parse import urlparse

import httpx
import litellm

IMAGE_HOSTS = {"upload.wikimedia.org", "images.acme-cdn.com"}


def download_image(url: str) -> bytes:
    resp = httpx.get(url, timeout=10)
    resp.raise_for_status()
    return resp.content


def illustrate(article: str) -> bytes:
    response = litellm.completion(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Return the URL of the best image in this article, nothing else:\n{article}"}],
    )
    image_url = response.choices[0].message.content.strip()
    parsed = urlparse(image_url)
    if parsed.scheme != "https" or parsed.hostname not in IMAGE_HOSTS:
        raise ValueError(f"image host not allowed: {parsed.hostname!r}")
    return download_image(image_url)
