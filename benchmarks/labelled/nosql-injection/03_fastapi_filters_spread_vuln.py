# category: nosql-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); CWE-943: Improper Neutralization of Special Elements in Data Query Logic
# expect: 24
# note: An arbitrary client-supplied dict is spread into the filter after published=True, so the client can override it or add $where/$or.
from typing import Any, Dict

from fastapi import FastAPI
from pydantic import BaseModel
from pymongo import MongoClient

app = FastAPI()
articles = MongoClient()["cms"]["articles"]


class ArticleSearch(BaseModel):
    filters: Dict[str, Any] = {}
    limit: int = 20


@app.post("/articles/search")
def search_articles(req: ArticleSearch):
    query = {"published": True, **req.filters}
    cursor = articles.find(query, {"_id": 0, "title": 1, "slug": 1}).limit(req.limit)
    return list(cursor)
