# category: sql-injection
# label: safe
# source: Django docs: Performing raw SQL queries, "Executing custom SQL directly" (do not quote placeholders or use string formatting)
# expect: none
# note: The email is passed in execute()'s params list and Django's backend binds it; the %s is an unquoted placeholder.
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.http import JsonResponse


@staff_member_required
def customer_orders(request):
    email = request.GET.get("email", "")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, total, created_at FROM shop_order WHERE customer_email = %s", [email]
        )
        rows = cursor.fetchall()
    orders = [{"id": r[0], "total": str(r[1]), "created": r[2].isoformat()} for r in rows]
    return JsonResponse({"orders": orders})
