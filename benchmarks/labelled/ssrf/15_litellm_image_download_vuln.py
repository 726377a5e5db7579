# category: ssrf
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet
# expect: 11
# note: the article text is attacker-controlled, so the "image URL" the model extracts can name any internal host, which download_image then fetches.
import httpx
import litellm


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
    return download_image(image_url)
