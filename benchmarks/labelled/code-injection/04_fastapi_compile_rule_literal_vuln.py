# category: code-injection
# label: vulnerable
# source: Python docs: built-in compile() and eval(); CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')
# expect: 21, 22
# note: The rule text from the request body is compiled and evaluated as a Python expression.
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class RuleCheck(BaseModel):
    rule: str
    amount: float
    country: str
    hour: int


@app.post("/fraud/check")
def check(req: RuleCheck):
    code = compile(req.rule, "<rule>", "eval")
    hit = eval(code, {"__builtins__": {}}, req.model_dump(exclude={"rule"}))
    return {"flagged": bool(hit)}
