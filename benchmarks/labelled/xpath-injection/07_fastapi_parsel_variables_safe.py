# category: xpath-injection
# label: safe
# source: parsel docs / Scrapy docs: Selectors, "Variables in XPath expressions"
# expect: none
# note: parsel binds the plan as the XPath variable $plan via a keyword argument to .xpath().
from fastapi import FastAPI
from parsel import Selector

app = FastAPI()
with open("/srv/cache/pricing.html", encoding="utf-8") as fh:
    PAGE = Selector(text=fh.read())


@app.get("/pricing/{plan}")
def plan_features(plan: str):
    items = PAGE.xpath("//section[@data-plan=$plan and not(@data-internal)]//li/text()", plan=plan).getall()
    return {"plan": plan, "features": items}
