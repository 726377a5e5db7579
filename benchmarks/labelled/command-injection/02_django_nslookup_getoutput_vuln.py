# category: command-injection
# label: vulnerable
# source: Python docs: subprocess.getoutput (runs the command through the shell) and shlex.quote; CWE-78 Extended Description (the nslookup example)
# expect: 15
# note: subprocess.getoutput() runs its string through /bin/sh, and the domain from the query string is concatenated in unquoted.
import subprocess

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def dns_lookup(request):
    domain = request.GET.get("domain", "")
    output = subprocess.getoutput("nslookup " + domain)
    return JsonResponse({"domain": domain, "output": output})
