# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); LangChain docs: Security policy (python.langchain.com/docs/security)
# expect: 19
# note: the pandas code the model writes from the user's question is exec'd in-process, so the question can smuggle in import os; os.system(...).
import pandas as pd
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o", temperature=0)


def analyse(df: pd.DataFrame, question: str):
    prompt = (
        f"DataFrame df has columns {list(df.columns)}. Write Python code that answers: {question}. "
        "Store the answer in a variable named result. Code only."
    )
    code = llm.invoke(prompt).content.strip().removeprefix("```python").removesuffix("```")
    namespace = {"df": df, "pd": pd}
    exec(code, namespace)
    return namespace.get("result")
