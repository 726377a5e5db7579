# category: command-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; Python docs: subprocess, "Security Considerations"
# expect: 17
# note: The directory named by the LangChain model is put into an os.popen() command string, which the shell parses.
import os

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def disk_usage_report(question: str) -> str:
    path = llm.invoke(
        f"Which directory is this question about? Reply with the absolute path only.\n{question}"
    ).content.strip()
    with os.popen(f"du -sh {path}") as pipe:
        return pipe.read()
