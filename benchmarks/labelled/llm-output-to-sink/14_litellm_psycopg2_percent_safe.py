# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); psycopg2 docs: Passing parameters to SQL queries ("Never, never, NEVER use Python string concatenation ... or string parameters interpolation")
# note: the values are passed as the second argument of execute, so psycopg2 binds them instead of splicing them into the SQL text.
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
        cur.execute("UPDATE tickets SET category = %s WHERE id = %s", (category, ticket_id))
    conn.commit()
