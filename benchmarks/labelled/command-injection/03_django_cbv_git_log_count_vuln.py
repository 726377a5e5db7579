# category: command-injection
# label: vulnerable
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3: Parameterization in conjunction with Input Validation"
# expect: 18
# note: The n parameter is %-formatted into a shell=True command, so '5; cat /etc/passwd' is run by the shell.
import subprocess

from django.http import HttpResponse
from django.views import View

REPO_DIR = "/srv/app"


class ChangelogView(View):
    def get(self, request):
        count = request.GET.get("n", "20")
        log = subprocess.check_output(
            "git log --oneline -n %s" % count,
            shell=True,
            cwd=REPO_DIR,
            text=True,
        )
        return HttpResponse(log, content_type="text/plain")
