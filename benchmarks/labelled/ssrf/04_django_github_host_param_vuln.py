# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
# expect: 16
# note: the optional host parameter (meant for GitHub Enterprise) is interpolated into the URL authority, so ?host=10.0.0.7:8500 sends the request to any internal service.
import requests
from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def repo_summary(request):
    host = request.GET.get("host", "api.github.com")
    owner = request.GET["owner"]
    repo = request.GET["repo"]
    resp = requests.get(f"https://{host}/repos/{owner}/{repo}", timeout=5)
    data = resp.json()
    return JsonResponse({"stars": data.get("stargazers_count"), "forks": data.get("forks_count")})
