# category: header-injection
# label: vulnerable
# source: Django docs: Request and response objects, "Telling the browser to treat the response as a file attachment"; django.utils.http.content_disposition_header (Django 4.2+)
# expect: 19
# note: the name GET parameter is %-formatted into Content-Disposition; Django raises BadHeaderError on newlines, but quotes and semicolons still inject header parameters.

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Invoice


@login_required
def download_invoice(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk, owner=request.user)
    name = request.GET.get("name", "invoice-%d" % invoice.pk)
    response = HttpResponse(invoice.pdf_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="%s.pdf"' % name
    return response
