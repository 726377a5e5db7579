# category: header-injection
# label: safe
# source: Django docs: Request and response objects, "Telling the browser to treat the response as a file attachment"; django.utils.http.content_disposition_header (Django 4.2+)
# note: content_disposition_header() escapes quotes and backslashes and percent-encodes (filename*) any name that is not plain printable ASCII.

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from .models import Invoice


@login_required
def download_invoice(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk, owner=request.user)
    name = request.GET.get("name", "invoice-%d" % invoice.pk)
    response = HttpResponse(invoice.pdf_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, "%s.pdf" % name)
    return response
