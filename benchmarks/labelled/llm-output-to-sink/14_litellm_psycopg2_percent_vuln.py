# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); psycopg2 docs: Passing parameters to SQL queries ("Never, never, NEVER use Python string concatenation ... or string parameters interpolation")
# expect: 19
# note: the category the model assigns is %-formatted into the UPDATE, so a ticket that makes it answer "x', priority = 'urgent" rewrites other columns.
import litellm
import psycopg2

conn = psycopg2.connect("dbname=support user=support_bot")


def log_ticket_category(ticket_id: int, ticket_text: str) -> None:
    response = litellm.completion(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Classify this ticket into one category word:\n{ticket_text}"}],
    )
    category = response["choices"][0]["message"]["content"].strip()
    with conn.cursor() as cur:
        cur.execute("UPDATE tickets SET category = '%s' WHERE id = %d" % (category, ticket_id))
    conn.commit()
