# category: nosql-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; MongoDB Manual: $where (query operator)
# expect: 22
# note: The Claude reply is put into a $where JavaScript expression with an f-string, so injected text runs on the database server.
import anthropic
from pymongo import MongoClient

client = anthropic.Anthropic()
reviews = MongoClient()["feedback"]["reviews"]


def flagged_reviews(moderator_request: str):
    msg = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=16,
        messages=[{"role": "user", "content": (
            "Reply with only the minimum toxicity score (0-100) asked for here:\n" + moderator_request
        )}],
    )
    threshold = msg.content[0].text.strip()
    return list(reviews.find({"$where": f"this.toxicity >= {threshold}"}, {"_id": 0}))
