# category: command-injection
# label: safe
# source: Python docs: subprocess.getoutput (runs the command through the shell) and shlex.quote; CWE-78 Extended Description (the nslookup example)
# expect: none
# note: The domain goes through shlex.quote(), so the shell sees one single-quoted word.
import shlex
import subprocess

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def dns_lookup(request):
    domain = request.GET.get("domain", "")
    output = subprocess.getoutput("nslookup " + shlex.quote(domain))
    return JsonResponse({"domain": domain, "output": output})
