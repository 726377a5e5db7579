# category: path-traversal
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; CWE-22 (cwe.mitre.org/data/definitions/22.html)
# note: the model's choice is resolved and must stay relative to DOCS_DIR (Path.resolve().is_relative_to) before the file is read.
from pathlib import Path

from langchain_openai import ChatOpenAI

DOCS_DIR = Path("/srv/kb/articles")
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def answer(question: str) -> str:
    index = "\n".join(p.name for p in DOCS_DIR.glob("*.md"))
    choice = llm.invoke(
        f"Articles:\n{index}\n\nWhich article answers: {question}\nReply with the file name only."
    ).content.strip()
    path = (DOCS_DIR / choice).resolve()
    if not path.is_relative_to(DOCS_DIR.resolve()):
        raise ValueError(f"model chose a path outside the knowledge base: {choice!r}")
    article = path.read_text(encoding="utf-8")
    return llm.invoke(f"Answer using this article:\n{article}\n\nQuestion: {question}").content
