# category: header-injection
# label: vulnerable
# source: Django docs: How to create CSV output (response["Content-Disposition"] for CSV downloads); CWE-113
# expect: 21
# note: the same-module helper %-formats the label parameter into an unquoted Content-Disposition value, so ';' and '=' let the caller inject parameters.

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


def attachment_header(name):
    return "attachment; filename=%s.csv" % name


@login_required
def export_contacts(request):
    label = request.GET.get("label", "contacts")
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = attachment_header(label)
    writer = csv.writer(response)
    writer.writerow(["name", "email"])
    for contact in request.user.contacts.all():
        writer.writerow([contact.name, contact.email])
    return response
