# category: open-redirect
# label: safe
# source: OWASP Unvalidated Redirects and Forwards Cheat Sheet, "Preventing Unvalidated Redirects and Forwards" (map user input to server-side destinations)
# note: the user sends only a key; redirect() gets a constant URL pattern name from the RETURN_VIEWS mapping, defaulting to the cart.

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .models import Cart

RETURN_VIEWS = {"cart": "cart:detail", "shop": "shop:index", "wishlist": "wishlist:detail"}


@login_required
@require_POST
def add_to_cart(request, product_id):
    cart, _ = Cart.objects.get_or_create(user=request.user)
    cart.items.create(product_id=product_id, quantity=1)
    return redirect(RETURN_VIEWS.get(request.POST.get("return_to"), "cart:detail"))
