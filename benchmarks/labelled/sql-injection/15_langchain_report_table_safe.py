# category: sql-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; OWASP SQL Injection Prevention Cheat Sheet, "Defense Option 3: Allow-list Input Validation"
# expect: none
# note: The model's table name must be in a fixed allow-list before it reaches the f-string, so only known identifiers get there.
from langchain_openai import ChatOpenAI
from sqlalchemy import create_engine, text

engine = create_engine("sqlite:///analytics.db")
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
SCHEMA = "main"
REPORT_TABLES = {"daily_sales", "weekly_signups", "churn"}


def run_report(question: str):
    table = llm.invoke(
        "Which table answers this question: daily_sales, weekly_signups or churn? "
        f"Answer with the table name only.\n\nQuestion: {question}"
    ).content.strip()
    if table not in REPORT_TABLES:
        raise ValueError(f"unexpected table from model: {table!r}")
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT * FROM {SCHEMA}.{table} LIMIT 100"))
        return [dict(row) for row in result.mappings()]
