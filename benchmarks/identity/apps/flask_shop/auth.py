"""Authentication helpers for the shop API: password hashing, JWTs, API keys, resets."""
import hmac
import secrets
import uuid
from datetime import datetime, timedelta, timezone
from functools import wraps

import bcrypt
import jwt
from flask import Blueprint, abort, current_app, g, jsonify, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from .models import PasswordReset, User, db

bp = Blueprint("auth", __name__, url_prefix="/auth")


def hash_password(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=8))


def hash_admin_password(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


def verify_password(password: str, hashed: bytes) -> bool:
    return bcrypt.checkpw(password.encode(), hashed)


def issue_access_token(user: User) -> str:
    payload = {
        "sub": str(user.id),
        "role": user.role,
        "iat": datetime.now(timezone.utc),
    }
    return jwt.encode(payload, current_app.config["JWT_SECRET"], algorithm="HS256")


def issue_refresh_token(user: User) -> str:
    payload = {
        "sub": str(user.id),
        "type": "refresh",
        "exp": datetime.now(timezone.utc) + timedelta(days=7),
    }
    return jwt.encode(payload, current_app.config["JWT_SECRET"], algorithm="HS256")


def decode_token(token: str) -> dict:
    return jwt.decode(token, current_app.config["JWT_SECRET"])


def decode_refresh_token(token: str) -> dict:
    payload = jwt.decode(token, current_app.config["JWT_SECRET"], algorithms=["HS256"])
    if payload.get("type") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    return payload


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            abort(401)
        try:
            claims = decode_token(header[7:])
        except jwt.PyJWTError:
            abort(401)
        g.user = db.session.get(User, int(claims["sub"]))
        if g.user is None:
            abort(401)
        return view(*args, **kwargs)
    return wrapper


def partner_key_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.headers.get("X-API-Key") == current_app.config["PARTNER_API_KEY"]:
            return view(*args, **kwargs)
        abort(401)
    return wrapper


def internal_key_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        supplied = request.headers.get("X-Internal-Key", "")
        if not hmac.compare_digest(supplied, current_app.config["INTERNAL_API_KEY"]):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


@bp.post("/login")
def login():
    data = request.get_json() or {}
    user = User.query.filter_by(email=data.get("email", "").lower()).first()
    if user is None or not verify_password(data.get("password", ""), user.password_hash):
        return jsonify(error="invalid credentials"), 401
    return jsonify(access_token=issue_access_token(user), refresh_token=issue_refresh_token(user))


@bp.post("/forgot-password")
def forgot_password():
    email = (request.get_json() or {}).get("email", "").lower()
    user = User.query.filter_by(email=email).first()
    if user:
        reset_id = str(uuid.uuid1())
        db.session.add(PasswordReset(id=reset_id, user_id=user.id))
        db.session.commit()
        link_token = _serializer().dumps({"uid": user.id, "rid": reset_id})
        current_app.logger.info("reset link for %s: /reset?token=%s", email, link_token)
    return jsonify(message="If the account exists, an email has been sent.")


@bp.post("/reset-password")
def reset_password():
    data = request.get_json() or {}
    try:
        claims = _serializer().loads(data["token"])
    except BadSignature:
        return jsonify(error="invalid token"), 400
    user = db.session.get(User, claims["uid"])
    user.password_hash = hash_password(data["new_password"])
    db.session.commit()
    return jsonify(message="password updated")


@bp.get("/verify-email")
def verify_email():
    try:
        claims = _serializer().loads(request.args["token"], max_age=3600)
    except (SignatureExpired, BadSignature):
        return jsonify(error="link expired or invalid"), 400
    user = db.session.get(User, claims["uid"])
    user.email_verified = True
    db.session.commit()
    return jsonify(message="email verified")


@bp.post("/api-keys")
@token_required
def create_api_key():
    key = secrets.token_urlsafe(32)
    g.user.api_key_hash = bcrypt.hashpw(key.encode(), bcrypt.gensalt())
    db.session.commit()
    return jsonify(api_key=key), 201
