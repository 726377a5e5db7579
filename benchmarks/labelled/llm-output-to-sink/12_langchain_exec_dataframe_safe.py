# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); LangChain docs: Security policy (python.langchain.com/docs/security)
# note: the model returns a JSON plan that is parsed with json.loads and validated (known column, allow-listed aggregation) before a fixed pandas method is called.
import json

import pandas as pd
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o", temperature=0)
AGGREGATIONS = {"mean", "sum", "min", "max", "count", "median"}


def analyse(df: pd.DataFrame, question: str):
    prompt = (
        f"DataFrame df has columns {list(df.columns)}. To answer: {question}, reply with JSON "
        '{"column": <column name>, "aggregation": one of mean, sum, min, max, count, median}. JSON only.'
    )
    plan = json.loads(llm.invoke(prompt).content)
    column, aggregation = plan.get("column"), plan.get("aggregation")
    if column not in df.columns or aggregation not in AGGREGATIONS:
        raise ValueError(f"unsupported plan: {plan!r}")
    return getattr(df[column], aggregation)()
