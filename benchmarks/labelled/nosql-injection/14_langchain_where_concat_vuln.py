# category: nosql-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; MongoDB Manual: $where (query operator)
# expect: 18
# note: The username returned by the LangChain model is concatenated into a $where JavaScript string.
from langchain_anthropic import ChatAnthropic
from pymongo import MongoClient

llm = ChatAnthropic(model="claude-3-5-sonnet-latest", temperature=0)
accounts = MongoClient()["crm"]["accounts"]


def active_accounts_for(question: str) -> int:
    rep = llm.invoke(
        "Which sales rep is this question about? Reply with the rep's username only.\n" + question
    ).content.strip()
    return accounts.count_documents(
        {"$where": "this.rep == '" + rep + "' && this.status == 'active'"}
    )
