# category: command-injection
# label: safe
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3: Parameterization in conjunction with Input Validation"
# expect: none
# note: The n parameter is converted with int() first, so only digits can reach the shell command string.
import subprocess

from django.http import HttpResponse
from django.views import View

REPO_DIR = "/srv/app"


class ChangelogView(View):
    def get(self, request):
        count = int(request.GET.get("n", "20"))
        log = subprocess.check_output(
            "git log --oneline -n %s" % count,
            shell=True,
            cwd=REPO_DIR,
            text=True,
        )
        return HttpResponse(log, content_type="text/plain")
