"""API-key and webhook security for the billing service."""
import hashlib
import hmac
import os
import secrets
import time

from fastapi import Depends, Header, HTTPException, Query, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from db import ApiKey, get_db

ADMIN_API_KEY = os.environ["BILLING_ADMIN_KEY"]
REPORTING_API_KEY = os.environ["BILLING_REPORTING_KEY"]
STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"].encode()
PADDLE_WEBHOOK_SECRET = os.environ["PADDLE_WEBHOOK_SECRET"].encode()

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


def generate_api_key() -> str:
    return "bk_live_" + secrets.token_urlsafe(32)


def generate_legacy_key() -> str:
    return hashlib.sha256(str(time.time()).encode()).hexdigest()


def hash_api_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


async def require_api_key(api_key: str | None = Security(api_key_header), db: Session = Depends(get_db)) -> ApiKey:
    if not api_key:
        raise HTTPException(status_code=401, detail="Missing API key")
    record = db.query(ApiKey).filter(ApiKey.key_hash == hash_api_key(api_key), ApiKey.revoked.is_(False)).first()
    if record is None:
        raise HTTPException(status_code=401, detail="Invalid API key")
    return record


async def require_admin_key(x_api_key: str = Header(...)) -> None:
    if x_api_key != ADMIN_API_KEY:
        raise HTTPException(status_code=403, detail="Forbidden")


async def require_reporting_key(api_key: str = Query(...)) -> None:
    if not secrets.compare_digest(api_key, REPORTING_API_KEY):
        raise HTTPException(status_code=403, detail="Forbidden")


async def verify_stripe_signature(request: Request, stripe_signature: str = Header(...)) -> bytes:
    body = await request.body()
    parts = dict(item.split("=", 1) for item in stripe_signature.split(","))
    signed_payload = f"{parts['t']}.".encode() + body
    expected = hmac.new(STRIPE_WEBHOOK_SECRET, signed_payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, parts.get("v1", "")):
        raise HTTPException(status_code=400, detail="Bad signature")
    if abs(time.time() - int(parts["t"])) > 300:
        raise HTTPException(status_code=400, detail="Stale event")
    return body


async def verify_paddle_signature(request: Request, paddle_signature: str = Header(...)) -> bytes:
    body = await request.body()
    expected = hmac.new(PADDLE_WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    if paddle_signature == expected:
        return body
    raise HTTPException(status_code=400, detail="Bad signature")


def mask_key(raw_key: str) -> str:
    if len(raw_key) <= 12:
        return "****"
    return raw_key[:8] + "…" + raw_key[-4:]
