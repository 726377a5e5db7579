# category: nosql-injection
# label: safe
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); CWE-943: Improper Neutralization of Special Elements in Data Query Logic
# expect: none
# note: Only allow-listed keys are copied, each as str(), so the client cannot add operators or override the published constraint.
from typing import Any, Dict

from fastapi import FastAPI
from pydantic import BaseModel
from pymongo import MongoClient

app = FastAPI()
articles = MongoClient()["cms"]["articles"]
SEARCHABLE_FIELDS = ("category", "author", "language")


class ArticleSearch(BaseModel):
    filters: Dict[str, Any] = {}
    limit: int = 20


@app.post("/articles/search")
def search_articles(req: ArticleSearch):
    query = {"published": True}
    for key in SEARCHABLE_FIELDS:
        if key in req.filters:
            query[key] = str(req.filters[key])
    cursor = articles.find(query, {"_id": 0, "title": 1, "slug": 1}).limit(req.limit)
    return list(cursor)
