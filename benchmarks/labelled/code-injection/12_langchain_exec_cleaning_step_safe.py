# category: code-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling" (LLM-generated code executed in-process)
# expect: none
# note: The model only names a step, which must be a key of CLEANING_STEPS; exec() runs only the matching constant snippet.
import pandas as pd
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
CLEANING_STEPS = {
    "drop_empty_rows": "df = df.dropna(how='all')",
    "dedupe": "df = df.drop_duplicates()",
    "lowercase_columns": "df.columns = [c.lower() for c in df.columns]",
}


def clean(df: pd.DataFrame, instruction: str) -> pd.DataFrame:
    step = llm.invoke(
        "Which step fits this instruction: drop_empty_rows, dedupe or lowercase_columns? "
        f"Reply with the step name only.\n\n{instruction}"
    ).content.strip()
    if step not in CLEANING_STEPS:
        raise ValueError(f"model chose an unknown step: {step!r}")
    scope = {"df": df, "pd": pd}
    exec(CLEANING_STEPS[step], scope)
    return scope["df"]
