# category: path-traversal
# label: vulnerable
# source: OWASP Path Traversal (owasp.org/www-community/attacks/Path_Traversal)
# expect: 21
# note: ?file=../../../settings.py passes the isfile check because it is checked after the unsafe join, and the file is then opened and streamed back.
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

INVOICE_DIR = os.path.join(settings.MEDIA_ROOT, "invoices")


@login_required
def download_invoice(request):
    filename = request.GET.get("file", "")
    path = os.path.join(INVOICE_DIR, filename)
    if not os.path.isfile(path):
        raise Http404("No such invoice")
    return FileResponse(open(path, "rb"), as_attachment=True)
