# category: path-traversal
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; CWE-22 (cwe.mitre.org/data/definitions/22.html)
# expect: 19
# note: a prompt-injected question can make the model answer ../../../etc/passwd, which is read and fed back into the answer.
from pathlib import Path

from langchain_openai import ChatOpenAI

DOCS_DIR = Path("/srv/kb/articles")
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def answer(question: str) -> str:
    index = "\n".join(p.name for p in DOCS_DIR.glob("*.md"))
    choice = llm.invoke(
        f"Articles:\n{index}\n\nWhich article answers: {question}\nReply with the file name only."
    ).content.strip()
    article = (DOCS_DIR / choice).read_text(encoding="utf-8")
    return llm.invoke(f"Answer using this article:\n{article}\n\nQuestion: {question}").content
