# category: command-injection
# label: vulnerable
# source: CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')
# expect: 17
# note: For any format other than pdf, the format query parameter is put into an os.system() command line.
import os
import subprocess

from django.http import FileResponse

REPORT_SRC = "/srv/reports/monthly.odt"


def export_report(request):
    fmt = request.GET.get("format", "pdf")
    if fmt != "pdf":
        os.system(f"soffice --headless --convert-to {fmt} --outdir /tmp {REPORT_SRC}")
        return FileResponse(open(f"/tmp/monthly.{fmt}", "rb"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", "/tmp", REPORT_SRC], check=True)
    return FileResponse(open("/tmp/monthly.pdf", "rb"))
