# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); OWASP SQL Injection Prevention Cheat Sheet
# expect: 22
# note: the company name extracted from an inbound email is placed in the SQL string, so an email that makes the model answer "x' OR '1'='1" leaks other customers.
import sqlite3

import anthropic

client = anthropic.Anthropic()
conn = sqlite3.connect("crm.db")


def find_customer_from_email(email_body: str):
    msg = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=50,
        messages=[{"role": "user", "content": f"Extract the sender's company name only:\n\n{email_body}"}],
    )
    company = msg.content[0].text.strip()
    query = f"SELECT id, name, account_manager FROM customers WHERE company = '{company}'"
    return conn.execute(query).fetchall()
