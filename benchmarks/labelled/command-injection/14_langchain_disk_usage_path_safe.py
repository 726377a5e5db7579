# category: command-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; Python docs: subprocess, "Security Considerations"
# expect: none
# note: du runs from an argv list with '--' and no shell, so the model's text is one literal argument.
import subprocess

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def disk_usage_report(question: str) -> str:
    path = llm.invoke(
        f"Which directory is this question about? Reply with the absolute path only.\n{question}"
    ).content.strip()
    done = subprocess.run(["du", "-sh", "--", path], capture_output=True, text=True)
    return done.stdout
