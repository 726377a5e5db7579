# category: header-injection
# label: safe
# source: Django docs: How to create CSV output (response["Content-Disposition"] for CSV downloads); CWE-113
# note: the helper runs the label through django.utils.text.slugify() (letters, digits, '-', '_') before formatting it.

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify


def attachment_header(name):
    return "attachment; filename=%s.csv" % (slugify(name) or "contacts")


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
