# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-78 (cwe.mitre.org/data/definitions/78.html)
# expect: 18
# note: the "number" the model returns is interpolated into an os.system command line, so "5; rm -rf ~" runs in the shell.
import os

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def show_recent_commits(question: str) -> None:
    answer = llm.invoke(
        f"The user asked: {question!r}. How many recent git commits should be shown? Reply with a number."
    )
    count = answer.content.strip()
    os.system(f"git log --oneline -n {count}")
