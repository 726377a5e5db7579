# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# note: the host is a constant and the user values are percent-encoded path segments, so the request can only go to api.github.com.
from urllib.parse import quote

import requests
from django.http import JsonResponse
from django.views.decorators.http import require_GET

GITHUB_API_HOST = "api.github.com"


@require_GET
def repo_summary(request):
    host = GITHUB_API_HOST
    owner = quote(request.GET["owner"], safe="")
    repo = quote(request.GET["repo"], safe="")
    resp = requests.get(f"https://{host}/repos/{owner}/{repo}", timeout=5)
    data = resp.json()
    return JsonResponse({"stars": data.get("stargazers_count"), "forks": data.get("forks_count")})
