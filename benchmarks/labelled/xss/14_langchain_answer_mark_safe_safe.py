# category: xss
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling
# note: the answer is escaped with django.utils.html.escape() first, and only the <br> tags added afterwards are marked safe.

from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def product_faq(request, slug):
    question = request.GET.get("q", "")
    answer = llm.invoke(f"Answer this question about {slug}: {question}").content
    return render(request, "faq/answer.html", {"answer": mark_safe(escape(answer).replace("\n", "<br>"))})
