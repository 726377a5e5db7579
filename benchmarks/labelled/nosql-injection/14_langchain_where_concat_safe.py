# category: nosql-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; MongoDB Manual: $where (query operator)
# expect: none
# note: The model's string is used only as a plain equality value (a str cannot carry operators), and no JavaScript is built.
from langchain_anthropic import ChatAnthropic
from pymongo import MongoClient

llm = ChatAnthropic(model="claude-3-5-sonnet-latest", temperature=0)
accounts = MongoClient()["crm"]["accounts"]


def active_accounts_for(question: str) -> int:
    rep = llm.invoke(
        "Which sales rep is this question about? Reply with the rep's username only.\n" + question
    ).content.strip()
    return accounts.count_documents(
        {"rep": rep, "status": "active"}
    )
