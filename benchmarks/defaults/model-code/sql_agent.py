import sqlite3

from openai import OpenAI

client = OpenAI()
conn = sqlite3.connect("analytics.db")

SYSTEM = "Translate the user's question into one SQLite SELECT statement. Reply with SQL only."


def ask(question: str) -> list[tuple]:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],
    )
    sql = completion.choices[0].message.content.strip().strip("`")
    cursor = conn.cursor()
    cursor.execute(sql)
    return cursor.fetchall()


def lookup_customer(question: str) -> list[tuple]:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Extract only the customer id from: {question}"}],
    )
    customer_id = completion.choices[0].message.content.strip()
    cursor = conn.cursor()
    cursor.execute("SELECT name, plan FROM customers WHERE id = ?", (customer_id,))
    return cursor.fetchall()
