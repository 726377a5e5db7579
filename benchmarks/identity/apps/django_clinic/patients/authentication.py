"""JWT authentication for the clinic API (PyJWT)."""
import hmac
from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework import authentication, exceptions, permissions

User = get_user_model()


def create_access_token(user) -> str:
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user.pk),
        "role": user.role,
        "iat": now,
        "exp": now + timedelta(minutes=settings.JWT_ACCESS_MINUTES),
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm="HS256")


def create_device_token(user) -> str:
    """Long-lived token for the tablet app in the waiting room."""
    payload = {
        "sub": str(user.pk),
        "role": user.role,
        "exp": datetime.now(timezone.utc) + timedelta(days=365),
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm="HS256")


def decode_access_token(token: str) -> dict:
    return jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"])


def decode_device_token(token: str) -> dict:
    return jwt.decode(
        token,
        settings.JWT_SECRET,
        algorithms=["HS256"],
        options={"verify_exp": False},
    )


def decode_kiosk_token(token: str) -> dict:
    return jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256", "none"])


def peek_role(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims.get("role", "patient")


class JWTAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode()
        if not header:
            return None
        scheme, _, token = header.partition(" ")
        if scheme != self.keyword:
            return None
        try:
            claims = decode_access_token(token)
        except jwt.PyJWTError as exc:
            raise exceptions.AuthenticationFailed("invalid token") from exc
        try:
            user = User.objects.get(pk=claims["sub"], is_active=True)
        except User.DoesNotExist as exc:
            raise exceptions.AuthenticationFailed("unknown user") from exc
        return user, claims


class LabKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        key = request.headers.get("X-Lab-Key")
        if key is None:
            return None
        if key != settings.LAB_API_KEY:
            raise exceptions.AuthenticationFailed("bad lab key")
        return User.objects.get(username="lab-integration"), None


class PharmacyKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        key = request.headers.get("X-Pharmacy-Key", "")
        if len(key) != 64:
            return None
        if not hmac.compare_digest(key, settings.PHARMACY_API_KEY):
            raise exceptions.AuthenticationFailed("bad pharmacy key")
        return User.objects.get(username="pharmacy-integration"), None


class IsDoctor(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.role == "doctor")
