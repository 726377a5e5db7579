# category: sql-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling" (LLM output used in SQL without parameterization)
# expect: 23
# note: The name extracted by the OpenAI model (controllable through prompt injection in the message) is put into the SQL with an f-string.
import sqlite3

from openai import OpenAI

client = OpenAI()


def lookup_customer(message: str):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Extract the customer's full name. Reply with the name only."},
            {"role": "user", "content": message},
        ],
    )
    name = completion.choices[0].message.content.strip()
    conn = sqlite3.connect("crm.db")
    rows = conn.execute(f"SELECT id, name, plan FROM customers WHERE name = '{name}'").fetchall()
    conn.close()
    return rows


if __name__ == "__main__":
    print(lookup_customer(input("Support message: ")))
