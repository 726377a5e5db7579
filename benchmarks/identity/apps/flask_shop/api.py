"""Shop REST API: products, orders, profile, partner and admin endpoints."""
import os

import requests
from flask import Blueprint, abort, g, jsonify, request

from .auth import internal_key_required, partner_key_required, token_required
from .models import Order, Product, User, db

bp = Blueprint("api", __name__, url_prefix="/api")

PAYMENTS_USER = os.environ.get("PAYMENTS_USER", "shop")
PAYMENTS_PASSWORD = os.environ.get("PAYMENTS_PASSWORD", "")
SHIPPING_API_KEY = os.environ.get("SHIPPING_API_KEY", "")
TAX_API_TOKEN = os.environ.get("TAX_API_TOKEN", "")


@bp.get("/products")
def list_products():
    return jsonify([p.to_dict() for p in Product.query.order_by(Product.name).all()])


@bp.get("/orders/<int:order_id>")
@token_required
def get_order(order_id):
    order = Order.query.get(order_id)
    if order is None:
        abort(404)
    return jsonify(order.to_dict())


@bp.post("/orders/<int:order_id>/cancel")
@token_required
def cancel_order(order_id):
    order = Order.query.filter_by(id=order_id, user_id=g.user.id).first_or_404()
    if order.status != "pending":
        return jsonify(error="order can no longer be cancelled"), 409
    order.status = "cancelled"
    db.session.commit()
    return jsonify(order.to_dict())


@bp.post("/orders/<int:order_id>/pay")
@token_required
def pay_order(order_id):
    order = Order.query.filter_by(id=order_id, user_id=g.user.id).first_or_404()
    resp = requests.post(
        "http://payments.internal.example.com/v1/charges",
        auth=(PAYMENTS_USER, PAYMENTS_PASSWORD),
        json={"amount": order.total_cents, "currency": "usd", "reference": str(order.id)},
        timeout=10,
    )
    resp.raise_for_status()
    order.status = "paid"
    db.session.commit()
    return jsonify(order.to_dict())


@bp.get("/orders/<int:order_id>/shipping-rates")
@token_required
def shipping_rates(order_id):
    order = Order.query.filter_by(id=order_id, user_id=g.user.id).first_or_404()
    url = f"https://api.shipping.example.com/v2/rates?api_key={SHIPPING_API_KEY}&to={order.shipping_address}"
    return jsonify(requests.get(url, timeout=10).json())


@bp.get("/orders/<int:order_id>/tax")
@token_required
def order_tax(order_id):
    order = Order.query.filter_by(id=order_id, user_id=g.user.id).first_or_404()
    resp = requests.get(
        "https://tax.example.com/v1/quote",
        headers={"Authorization": f"Bearer {TAX_API_TOKEN}"},
        params={"amount": order.total_cents},
        timeout=10,
    )
    return jsonify(resp.json())


@bp.patch("/me")
@token_required
def update_profile():
    data = request.get_json() or {}
    for key, value in data.items():
        setattr(g.user, key, value)
    db.session.commit()
    return jsonify(id=g.user.id, email=g.user.email, display_name=g.user.display_name)


@bp.patch("/me/profile")
@token_required
def update_public_profile():
    data = request.get_json() or {}
    for field in ("display_name", "bio"):
        if field in data:
            setattr(g.user, field, data[field])
    db.session.commit()
    return jsonify(display_name=g.user.display_name, bio=g.user.bio)


@bp.post("/admin/products")
@token_required
def admin_create_product():
    assert g.user.is_admin, "admin only"
    data = request.get_json() or {}
    product = Product(sku=data["sku"], name=data["name"], price_cents=int(data["price_cents"]))
    db.session.add(product)
    db.session.commit()
    return jsonify(product.to_dict()), 201


@bp.delete("/admin/products/<int:product_id>")
@token_required
def admin_delete_product(product_id):
    if not g.user.is_admin:
        abort(403)
    product = db.session.get(Product, product_id)
    db.session.delete(product)
    db.session.commit()
    return "", 204


@bp.post("/admin/refunds")
def admin_refund():
    if request.headers.get("X-User-Role") != "admin":
        abort(403)
    order = db.session.get(Order, int(request.json["order_id"]))
    order.status = "refunded"
    db.session.commit()
    return jsonify(order.to_dict())


@bp.post("/partner/stock")
@partner_key_required
def partner_stock_update():
    data = request.get_json() or {}
    product = Product.query.filter_by(sku=data["sku"]).first_or_404()
    product.stock = int(data["stock"])
    db.session.commit()
    return jsonify(product.to_dict())


@bp.post("/internal/users/<int:user_id>/credit")
@internal_key_required
def internal_credit(user_id):
    user = db.session.get(User, user_id)
    user.store_credit += int(request.json["amount"])
    db.session.commit()
    return jsonify(id=user.id, store_credit=user.store_credit)


@bp.get("/partner/orders")
def partner_orders():
    if request.args.get("api_key") != os.environ.get("PARTNER_API_KEY"):
        abort(401)
    return jsonify([o.to_dict() for o in Order.query.filter_by(status="paid").all()])
