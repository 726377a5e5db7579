# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); OWASP SQL Injection Prevention Cheat Sheet
# note: the model only returns JSON filters; the status is checked against an allow-list, the amount is cast to float, and both are bound as parameters of a fixed query.
import json
import sqlite3

from openai import OpenAI

client = OpenAI()
SCHEMA = "orders(id INTEGER, customer TEXT, status TEXT, total REAL, created_at TEXT)"
STATUSES = {"pending", "paid", "shipped", "cancelled"}


def ask_orders_db(question: str) -> list:
    response = client.chat.completions.create(
        model="gpt-4o",
        response_format={"type": "json_object"},
        messages=[
            {"role": "system", "content": f'For the schema {SCHEMA}, reply with JSON {{"status": ..., "min_total": ...}}.'},
            {"role": "user", "content": question},
        ],
    )
    filters = json.loads(response.choices[0].message.content)
    status = filters.get("status")
    if status not in STATUSES:
        raise ValueError(f"unsupported status filter: {status!r}")
    min_total = float(filters.get("min_total") or 0)
    with sqlite3.connect("shop.db") as conn:
        return conn.execute(
            "SELECT id, customer, total FROM orders WHERE status = ? AND total >= ?", (status, min_total)
        ).fetchall()
