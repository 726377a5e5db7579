# category: trust-boundary-violation
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, LLM05:2025 Improper Output Handling; CWE-501
# note: the model's code is stored only if it is one of the codes in settings.LANGUAGES.

from django.conf import settings
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


@require_POST
def detect_language(request):
    sample = request.POST.get("text", "")
    code = llm.invoke(f"Return only the ISO 639-1 code of the language of: {sample}").content.strip()
    if code in dict(settings.LANGUAGES):
        request.session["ui_language"] = code
    return redirect("home")
