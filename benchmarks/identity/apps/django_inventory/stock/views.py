"""Stock API views."""
import hashlib
import hmac

import requests
from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from rest_framework import generics, status, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Order, Product
from .serializers import (
    OrderSerializer,
    ProductSerializer,
    StaffUserSerializer,
    UserProfileSerializer,
    UserSerializer,
)


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.select_related("supplier").all()
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]


class CatalogViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Product.objects.filter(quantity__gt=0)
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]


class OrderViewSet(viewsets.ModelViewSet):
    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return Order.objects.filter(customer=self.request.user).prefetch_related("lines")

    def perform_create(self, serializer):
        serializer.save(customer=self.request.user)


class OrderDetailView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        order = Order.objects.get(id=pk)
        return Response(OrderSerializer(order).data)

    def patch(self, request, pk):
        order = Order.objects.get(id=pk, customer=request.user)
        serializer = OrderSerializer(order, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


class QuickOrderView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        order = Order.objects.create(**request.data)
        return Response({"id": order.pk}, status=status.HTTP_201_CREATED)


class StockAdjustView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request, pk):
        product = Product.objects.get(pk=pk)
        product.quantity += int(request.data["delta"])
        product.save(update_fields=["quantity"])
        return Response({"quantity": product.quantity})


class MeView(generics.RetrieveUpdateAPIView):
    serializer_class = UserProfileSerializer
    permission_classes = [IsAuthenticated]

    def get_object(self):
        return self.request.user


class RegisterView(generics.CreateAPIView):
    serializer_class = UserSerializer
    permission_classes = [AllowAny]


class StaffUserViewSet(viewsets.ModelViewSet):
    serializer_class = StaffUserSerializer
    permission_classes = [IsAdminUser]

    def get_queryset(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.order_by("username")


class PingView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"pong": True})


@api_view(["GET"])
@permission_classes([AllowAny])
def health(request):
    return Response({"status": "ok"})


@csrf_exempt
@api_view(["POST"])
@permission_classes([AllowAny])
def supplier_webhook(request):
    signature = request.headers.get("X-Supplier-Signature", "")
    digest = hmac.new(settings.SUPPLIER_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, digest):
        return Response(status=status.HTTP_401_UNAUTHORIZED)
    Product.objects.filter(sku=request.data["sku"]).update(quantity=request.data["quantity"])
    return Response(status=status.HTTP_204_NO_CONTENT)


@api_view(["POST"])
@permission_classes([IsAdminUser])
def sync_warehouse(request):
    resp = requests.post(
        f"{settings.WAREHOUSE_API_URL}/sync",
        auth=(settings.WAREHOUSE_USER, settings.WAREHOUSE_PASSWORD),
        timeout=30,
    )
    return Response(resp.json(), status=resp.status_code)
