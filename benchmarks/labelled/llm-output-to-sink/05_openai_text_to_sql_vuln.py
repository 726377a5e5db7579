# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); OWASP SQL Injection Prevention Cheat Sheet
# expect: 24
# note: the SQL the model writes is executed verbatim, so a question steering it to "DELETE FROM orders" or a UNION over other tables runs against the database.
import sqlite3

from openai import OpenAI

client = OpenAI()
SCHEMA = "orders(id INTEGER, customer TEXT, status TEXT, total REAL, created_at TEXT)"


def ask_orders_db(question: str) -> list:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": f"Write one SQLite query for the schema {SCHEMA}. Output SQL only."},
            {"role": "user", "content": question},
        ],
    )
    sql = response.choices[0].message.content.strip().strip("`")
    with sqlite3.connect("shop.db") as conn:
        return conn.execute(sql).fetchall()
