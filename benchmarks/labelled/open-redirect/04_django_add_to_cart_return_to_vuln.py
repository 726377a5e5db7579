# category: open-redirect
# label: vulnerable
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Preventing Unvalidated Redirects and Forwards" (map user input to server-side destinations)
# expect: 19
# note: the return_to POST field is handed to django.shortcuts.redirect(), which redirects to any absolute URL it is given.

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .models import Cart


@login_required
@require_POST
def add_to_cart(request, product_id):
    cart, _ = Cart.objects.get_or_create(user=request.user)
    cart.items.create(product_id=product_id, quantity=1)
    return redirect(request.POST.get("return_to", "/cart/"))
