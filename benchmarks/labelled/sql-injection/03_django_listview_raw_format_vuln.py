# category: sql-injection
# label: vulnerable
# source: Django docs: Performing raw SQL queries, "Passing parameters into raw()"
# expect: 19
# note: get_queryset() builds the raw() query with str.format() from a GET parameter, so the value is parsed as SQL.
from django.views.generic import ListView

from .models import Person


class PersonSearchView(ListView):
    template_name = "people/search.html"
    context_object_name = "people"
    paginate_by = 25

    def get_queryset(self):
        last_name = self.request.GET.get("last_name", "")
        sql = "SELECT * FROM myapp_person WHERE last_name = '{}'".format(last_name)
        return Person.objects.raw(sql)
