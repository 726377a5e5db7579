# category: open-redirect
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-601
# expect: 16
# note: the LangChain model's suggested URL (steerable through the query) is passed straight to django.shortcuts.redirect().

from django.shortcuts import redirect
from langchain_anthropic import ChatAnthropic

llm = ChatAnthropic(model="claude-3-5-haiku-latest")


def smart_search(request):
    query = request.GET.get("q", "")
    suggestion = llm.invoke(f"Return the single best URL on docs.example.com for: {query}")
    return redirect(suggestion.content.strip())
