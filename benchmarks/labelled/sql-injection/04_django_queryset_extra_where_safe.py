# category: sql-injection
# label: safe
# source: Django docs: QuerySet API reference, "extra()" (warning: use params instead of embedding user input in where)
# expect: none
# note: extra() receives a %s placeholder in where and the headline through params, so Django binds it.
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Entry


@require_GET
def entries_by_headline(request):
    headline = request.GET["headline"]
    qs = Entry.objects.extra(where=["headline = %s"], params=[headline])
    data = list(qs.values("id", "headline", "pub_date"))
    return JsonResponse({"entries": data})
