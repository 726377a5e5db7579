"""Authentication: password hashing, JWT access tokens, sessions and reset codes."""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone
from functools import wraps

import jwt
import requests
from flask import g, jsonify, request

from . import db, settings

PASSWORD_HASH_SCHEME = "pbkdf2_sha256"
SALT_BYTES = 16
SESSION_ID_BYTES = 32


def hash_password(password, salt=None, iterations=settings.PASSWORD_HASH_ITERATIONS):
    """Hash a password with PBKDF2-HMAC-SHA256; returns ``scheme$iterations$salt$hash``."""
    if salt is None:
        salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{PASSWORD_HASH_SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password, stored_hash):
    try:
        scheme, iterations, salt_hex, _ = stored_hash.split("$")
    except ValueError:
        return False
    if scheme != PASSWORD_HASH_SCHEME:
        return False
    candidate = hash_password(password, bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(candidate, stored_hash)


def is_password_breached(password):
    """Check the Have I Been Pwned range API (k-anonymity: only 5 hex chars leave the server)."""
    # HIBP indexes SHA-1 digests; this is a lookup key, not how we store passwords.
    digest = hashlib.sha1(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()
    prefix, suffix = digest[:5], digest[5:]
    response = requests.get(f"https://api.pwnedpasswords.com/range/{prefix}", timeout=5)
    response.raise_for_status()
    return any(line.split(":", 1)[0] == suffix for line in response.text.splitlines())


def create_access_token(user_id, is_admin=False):
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user_id),
        "admin": bool(is_admin),
        "iat": now,
        "exp": now + timedelta(minutes=settings.JWT_EXPIRES_MINUTES),
    }
    return jwt.encode(payload, settings.JWT_SECRET_KEY, algorithm=settings.JWT_ALGORITHM)


def decode_access_token(token):
    """Verify the JWT's signature and expiry, then return its claims."""
    return jwt.decode(
        token,
        settings.JWT_SECRET_KEY,
        algorithms=[settings.JWT_ALGORITHM],
        options={"require": ["exp", "iat", "sub"]},
    )


def generate_session_id():
    return secrets.token_urlsafe(SESSION_ID_BYTES)


def generate_reset_code():
    """6-digit code sent to the user by e-mail."""
    return f"{secrets.randbelow(1_000_000):06d}"


def _reset_code_digest(code):
    # Store only a keyed hash of the code, so a database leak does not leak live codes.
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


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
    db.save_reset_code(user["id"], _reset_code_digest(reset_code), settings.RESET_CODE_TTL_MINUTES)
    return user["email"], reset_code


def finish_password_reset(username, code, new_password):
    if len(new_password) < settings.PASSWORD_MIN_LENGTH:
        return False
    user = db.get_user_by_username(username)
    if user is None:
        return False
    row = db.get_reset_code(user["id"])
    if row is None or datetime.fromisoformat(row["expires_at"]) < datetime.now(timezone.utc):
        return False
    if not hmac.compare_digest(row["code_hash"], _reset_code_digest(code)):
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
