# category: xpath-injection
# label: vulnerable
# source: parsel docs / Scrapy docs: Selectors, "Variables in XPath expressions"
# expect: 16
# note: The plan path parameter is put into a parsel Selector.xpath() query with an f-string.
from fastapi import FastAPI
from parsel import Selector

app = FastAPI()
with open("/srv/cache/pricing.html", encoding="utf-8") as fh:
    PAGE = Selector(text=fh.read())


@app.get("/pricing/{plan}")
def plan_features(plan: str):
    items = PAGE.xpath(f"//section[@data-plan='{plan}' and not(@data-internal)]//li/text()").getall()
    return {"plan": plan, "features": items}
