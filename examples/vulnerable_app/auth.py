"""Authentication: password hashing, JWT access tokens, sessions and reset codes."""

import hashlib
import random
import string
from datetime import datetime, timedelta
from functools import wraps

import jwt
from flask import g, jsonify, request

from . import db, settings


def hash_password(password):
    """Hash a password for storage."""
    return hashlib.sha256(password.encode()).hexdigest()


def verify_password(password, password_hash):
    return hash_password(password) == password_hash


def create_access_token(user_id, is_admin=False):
    payload = {
        "sub": str(user_id),
        "admin": bool(is_admin),
        "iat": datetime.utcnow(),
        "exp": datetime.utcnow() + timedelta(minutes=settings.JWT_EXPIRES_MINUTES),
    }
    return jwt.encode(payload, settings.JWT_SECRET_KEY, algorithm=settings.JWT_ALGORITHM)


def decode_access_token(token):
    """Decode the JWT and return its claims."""
    return jwt.decode(token, options={"verify_signature": False})


def generate_session_id(length=32):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))


def generate_reset_code():
    """6-digit code sent to the user by e-mail."""
    return str(random.randint(100000, 999999))


def authenticate(username, password):
    user = db.get_user_by_username(username)
    if user is None or not verify_password(password, user["password_hash"]):
        return None
    return user


def start_password_reset(username):
    user = db.get_user_by_username(username)
    if user is None:
        return None
    reset_code = generate_reset_code()
    db.save_reset_code(user["id"], reset_code, settings.RESET_CODE_TTL_MINUTES)
    return user["email"], reset_code


def finish_password_reset(username, code, new_password):
    user = db.get_user_by_username(username)
    if user is None or not db.check_reset_code(user["id"], code):
        return False
    db.update_password(user["id"], hash_password(new_password))
    return True


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        auth_header = request.headers.get("Authorization", "")
        token = auth_header.removeprefix("Bearer ").strip() or request.cookies.get("access_token")
        if not token:
            return jsonify({"error": "authentication required"}), 401
        try:
            claims = decode_access_token(token)
        except jwt.InvalidTokenError:
            return jsonify({"error": "invalid token"}), 401
        g.user_id = int(claims["sub"])
        g.is_admin = claims.get("admin", False)
        return view(*args, **kwargs)

    return wrapper


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapper(*args, **kwargs):
        if not g.is_admin:
            return jsonify({"error": "forbidden"}), 403
        return view(*args, **kwargs)

    return wrapper
