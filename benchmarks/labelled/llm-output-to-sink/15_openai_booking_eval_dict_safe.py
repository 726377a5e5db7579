# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-95 (cwe.mitre.org/data/definitions/95.html)
# note: the reply is parsed with json.loads and checked against the expected schema (exact keys, ISO date, int, str) before use.
import json
from datetime import date

from openai import OpenAI

client = OpenAI()
PROMPT = 'Extract {"date": "YYYY-MM-DD", "guests": <int>, "name": <str>} from the email. Output JSON only.'


def extract_booking(email: str) -> dict:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": PROMPT}, {"role": "user", "content": email}],
    )
    booking = json.loads(response.choices[0].message.content)
    if not isinstance(booking, dict) or set(booking) != {"date", "guests", "name"}:
        raise ValueError("unexpected booking shape")
    date.fromisoformat(booking["date"])
    if type(booking["guests"]) is not int or not isinstance(booking["name"], str):
        raise ValueError("unexpected booking field types")
    return booking
