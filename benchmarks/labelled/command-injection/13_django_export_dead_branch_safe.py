# category: command-injection
# label: safe
# source: CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')
# expect: none
# note: The os.system() call is in an 'if False:' block that never runs; the live path uses a constant argv list without a shell.
import os
import subprocess

from django.http import FileResponse

REPORT_SRC = "/srv/reports/monthly.odt"


def export_report(request):
    fmt = request.GET.get("format", "pdf")
    if False:  # other formats are disabled until the converter runs without a shell
        os.system(f"soffice --headless --convert-to {fmt} --outdir /tmp {REPORT_SRC}")
        return FileResponse(open(f"/tmp/monthly.{fmt}", "rb"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", "/tmp", REPORT_SRC], check=True)
    return FileResponse(open("/tmp/monthly.pdf", "rb"))
