# category: sql-injection
# label: safe
# source: Django docs: Performing raw SQL queries, "Passing parameters into raw()"
# expect: none
# note: The GET parameter is passed through raw()'s params argument, which the database driver binds.
from django.views.generic import ListView

from .models import Person


class PersonSearchView(ListView):
    template_name = "people/search.html"
    context_object_name = "people"
    paginate_by = 25

    def get_queryset(self):
        last_name = self.request.GET.get("last_name", "")
        sql = "SELECT * FROM myapp_person WHERE last_name = %s"
        return Person.objects.raw(sql, [last_name])
