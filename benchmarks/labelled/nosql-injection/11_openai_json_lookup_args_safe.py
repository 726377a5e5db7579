# category: nosql-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; MongoDB Manual: $eq (query operator)
# expect: none
# note: The model's values are wrapped in $eq, so even an object the model emits is compared literally.
import json

from openai import OpenAI
from pymongo import MongoClient

client = OpenAI()
orders = MongoClient()["shop"]["orders"]
SYSTEM = (
    "You are a support assistant. From the customer's message, return a JSON object "
    'with the keys "order_number" and "email" for the order lookup tool.'
)


def lookup_order(chat_message: str):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": chat_message}],
    )
    args = json.loads(resp.choices[0].message.content)
    return orders.find_one(
        {"order_number": {"$eq": args["order_number"]}, "email": {"$eq": args["email"]}},
        {"_id": 0, "status": 1, "shipping_address": 1},
    )
