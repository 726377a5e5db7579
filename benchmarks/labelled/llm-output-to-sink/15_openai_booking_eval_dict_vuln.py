# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-95 (cwe.mitre.org/data/definitions/95.html)
# expect: 17
# note: the "dict" the model extracts from a customer email is eval'd, so an email that makes it emit a call expression runs code.
from openai import OpenAI

client = OpenAI()
PROMPT = "Extract {'date': 'YYYY-MM-DD', 'guests': <int>, 'name': <str>} from the email. Output the dict only."


def extract_booking(email: str) -> dict:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": PROMPT}, {"role": "user", "content": email}],
    )
    booking = eval(response.choices[0].message.content)
    return booking
