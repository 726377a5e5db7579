# category: xss
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# expect: 17
# note: the LangChain answer, shaped by the user's question, is marked safe after only a newline-to-<br> replacement, so HTML in it is rendered unescaped.

from django.shortcuts import render
from django.utils.safestring import mark_safe
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def product_faq(request, slug):
    question = request.GET.get("q", "")
    answer = llm.invoke(f"Answer this question about {slug}: {question}").content
    return render(request, "faq/answer.html", {"answer": mark_safe(answer.replace("\n", "<br>"))})
