"""DRF serializers for the stock app."""
from django.contrib.auth import get_user_model
from rest_framework import serializers

from .models import Order, OrderLine, Product, Supplier

User = get_user_model()


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = "__all__"


class UserProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "email"]
        read_only_fields = ["id", "username"]


class SupplierSerializer(serializers.ModelSerializer):
    class Meta:
        model = Supplier
        fields = ["id", "name", "contact_email", "lead_time_days"]


class ProductSerializer(serializers.ModelSerializer):
    supplier = serializers.PrimaryKeyRelatedField(queryset=Supplier.objects.all())

    class Meta:
        model = Product
        fields = ["id", "sku", "name", "description", "unit_price", "quantity", "supplier"]
        read_only_fields = ["id"]

    def validate_quantity(self, value):
        if value < 0:
            raise serializers.ValidationError("quantity cannot be negative")
        return value


class OrderLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderLine
        fields = ["product", "quantity", "unit_price"]
        read_only_fields = ["unit_price"]


class OrderSerializer(serializers.ModelSerializer):
    lines = OrderLineSerializer(many=True)

    class Meta:
        model = Order
        fields = ["id", "reference", "status", "lines", "created_at"]
        read_only_fields = ["id", "status", "created_at"]

    def create(self, validated_data):
        lines = validated_data.pop("lines")
        order = Order.objects.create(**validated_data)
        for line in lines:
            OrderLine.objects.create(order=order, unit_price=line["product"].unit_price, **line)
        return order


class StaffUserSerializer(serializers.ModelSerializer):
    """Used only by the staff user-management endpoint."""

    class Meta:
        model = User
        fields = ["id", "username", "email", "is_active", "is_staff"]
        read_only_fields = ["id"]
