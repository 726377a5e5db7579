# category: code-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"
# expect: none
# note: The reply is converted with int(), which accepts only an integer literal.
from datetime import date, timedelta

from openai import OpenAI

client = OpenAI()
SYSTEM = "How many days from today is the deadline in the user's text? Reply with a number only."


def due_date(request_text: str) -> date:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": request_text}],
    )
    days = int(resp.choices[0].message.content.strip())
    return date.today() + timedelta(days=days)
