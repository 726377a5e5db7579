# category: sql-injection
# label: vulnerable
# source: Django docs: Query Expressions, "RawSQL expressions" (warning about escaping parameters)
# expect: 17
# note: The rate from the query string is %-formatted into the RawSQL fragment and the params tuple is empty.
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.views import View

from .models import Product


class ProductDiscountView(View):
    def get(self, request):
        rate = request.GET.get("rate", "0.1")
        products = Product.objects.annotate(
            discounted=RawSQL("price * (1 - %s)" % rate, ()),
        ).values("id", "name", "discounted")
        return JsonResponse({"products": list(products)})
