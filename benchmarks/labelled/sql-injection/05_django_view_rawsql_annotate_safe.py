# category: sql-injection
# label: safe
# source: Django docs: Query Expressions, "RawSQL expressions" (warning about escaping parameters)
# expect: none
# note: The rate goes in RawSQL's params tuple, so the database driver binds it instead of splicing it into the SQL.
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.views import View

from .models import Product


class ProductDiscountView(View):
    def get(self, request):
        rate = request.GET.get("rate", "0.1")
        products = Product.objects.annotate(
            discounted=RawSQL("price * (1 - %s)", (rate,)),
        ).values("id", "name", "discounted")
        return JsonResponse({"products": list(products)})
