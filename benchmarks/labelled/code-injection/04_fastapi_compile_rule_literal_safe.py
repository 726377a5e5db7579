# category: code-injection
# label: safe
# source: Python docs: built-in compile() and eval(); CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')
# expect: none
# note: rule is a pydantic Literal of three names, and only the matching constant expression from RULES is compiled.
from typing import Literal

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
RULES = {"high_value": "amount > 1000", "foreign": "country != 'US'", "night": "hour < 6"}


class RuleCheck(BaseModel):
    rule: Literal["high_value", "foreign", "night"]
    amount: float
    country: str
    hour: int


@app.post("/fraud/check")
def check(req: RuleCheck):
    code = compile(RULES[req.rule], "<rule>", "eval")
    hit = eval(code, {"__builtins__": {}}, req.model_dump(exclude={"rule"}))
    return {"flagged": bool(hit)}
