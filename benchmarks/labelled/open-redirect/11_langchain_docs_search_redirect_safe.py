# category: open-redirect
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-601
# note: url_has_allowed_host_and_scheme() accepts the model's URL only for docs.example.com over https; otherwise the user is sent to the search page.

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from langchain_anthropic import ChatAnthropic

llm = ChatAnthropic(model="claude-3-5-haiku-latest")


def smart_search(request):
    query = request.GET.get("q", "")
    suggestion = llm.invoke(f"Return the single best URL on docs.example.com for: {query}")
    url = suggestion.content.strip()
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={"docs.example.com"}, require_https=True):
        url = "docs:search"
    return redirect(url)
