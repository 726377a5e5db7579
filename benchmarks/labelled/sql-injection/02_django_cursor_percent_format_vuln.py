# category: sql-injection
# label: vulnerable
# source: Django docs: Performing raw SQL queries, "Executing custom SQL directly" (do not quote placeholders or use string formatting)
# expect: 16
# note: The query string is completed with the % operator before execute(), so the quoted email value can break out of the literal.
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.http import JsonResponse


@staff_member_required
def customer_orders(request):
    email = request.GET.get("email", "")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, total, created_at FROM shop_order WHERE customer_email = '%s'" % email
        )
        rows = cursor.fetchall()
    orders = [{"id": r[0], "total": str(r[1]), "created": r[2].isoformat()} for r in rows]
    return JsonResponse({"orders": orders})
