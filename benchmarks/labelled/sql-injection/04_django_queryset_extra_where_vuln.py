# category: sql-injection
# label: vulnerable
# source: Django docs: QuerySet API reference, "extra()" (warning: use params instead of embedding user input in where)
# expect: 15
# note: The headline from the query string is embedded in the extra(where=...) clause with an f-string.
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Entry


@require_GET
def entries_by_headline(request):
    headline = request.GET["headline"]
    qs = Entry.objects.extra(where=[f"headline = '{headline}'"])
    data = list(qs.values("id", "headline", "pub_date"))
    return JsonResponse({"entries": data})
