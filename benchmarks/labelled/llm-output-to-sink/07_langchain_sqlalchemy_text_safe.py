# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); SQLAlchemy docs: Using textual SQL, bound parameters with text()
# note: the category is passed as the bound parameter :category of a constant text() statement.
from langchain_openai import ChatOpenAI
from sqlalchemy import create_engine, text

engine = create_engine("postgresql+psycopg2://catalog_ro@localhost/catalog")
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def search_products(user_query: str) -> list:
    category = llm.invoke(
        f"Map this shopper query to one product category name, reply with the name only: {user_query}"
    ).content.strip()
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT sku, title, price FROM products WHERE category = :category ORDER BY price"),
            {"category": category},
        )
        return [dict(row._mapping) for row in rows]
