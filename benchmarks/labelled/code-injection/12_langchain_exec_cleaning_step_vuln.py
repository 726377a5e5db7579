# category: code-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling" (LLM-generated code executed in-process)
# expect: 18
# note: Pandas code written by the LangChain model from a free-text instruction is run with exec().
import pandas as pd
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def clean(df: pd.DataFrame, instruction: str) -> pd.DataFrame:
    code = llm.invoke(
        "Write pandas code that reassigns the DataFrame `df` as follows. "
        f"Reply with code only, no markdown.\n\n{instruction}"
    ).content
    scope = {"df": df, "pd": pd}
    exec(code, scope)
    return scope["df"]
