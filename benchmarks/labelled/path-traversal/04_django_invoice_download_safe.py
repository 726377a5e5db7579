# category: path-traversal
# label: safe
# source: OWASP Path Traversal (owasp.org/www-community/attacks/Path_Traversal)
# note: os.path.basename drops every directory component before the join, so only files directly inside INVOICE_DIR can be opened.
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

INVOICE_DIR = os.path.join(settings.MEDIA_ROOT, "invoices")


@login_required
def download_invoice(request):
    filename = os.path.basename(request.GET.get("file", ""))
    path = os.path.join(INVOICE_DIR, filename)
    if not os.path.isfile(path):
        raise Http404("No such invoice")
    return FileResponse(open(path, "rb"), as_attachment=True)
