"""Password and secret hashing helpers shared by the helpdesk and its CLI."""
import base64
import hashlib
import hmac
import os

# OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA256 needs 600,000 iterations.
PBKDF2_ITERATIONS = 600_000
LEGACY_ITERATIONS = 100_000


def pbkdf2_hash(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
    return "pbkdf2_sha256$%d$%s$%s" % (
        PBKDF2_ITERATIONS,
        base64.b64encode(salt).decode(),
        base64.b64encode(digest).decode(),
    )


def legacy_pbkdf2_hash(password: str, salt: bytes) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, LEGACY_ITERATIONS)
    return base64.b64encode(digest).decode()


def quick_hash(password: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000).hex()


def verify_pbkdf2(password: str, encoded: str) -> bool:
    algorithm, iterations, salt_b64, digest_b64 = encoded.split("$")
    if algorithm != "pbkdf2_sha256":
        return False
    salt = base64.b64decode(salt_b64)
    expected = base64.b64decode(digest_b64)
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, int(iterations))
    return hmac.compare_digest(candidate, expected)


def verify_legacy(password: str, salt: bytes, stored: str) -> bool:
    return legacy_pbkdf2_hash(password, salt) == stored


def hash_api_secret(secret: str) -> str:
    """API secrets are 256-bit random values, so one SHA-256 pass is enough to store them."""
    return hashlib.sha256(secret.encode()).hexdigest()


def needs_rehash(encoded: str) -> bool:
    try:
        _, iterations, _, _ = encoded.split("$")
    except ValueError:
        return True
    return int(iterations) < PBKDF2_ITERATIONS


def split_basic_auth(header: str) -> tuple[str, str]:
    """Decode an ``Authorization: Basic`` header into (username, password)."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        raise ValueError("not basic auth")
    username, _, password = base64.b64decode(encoded).decode().partition(":")
    return username, password


def describe_policy() -> dict:
    return {
        "algorithm": "pbkdf2_sha256",
        "iterations": PBKDF2_ITERATIONS,
        "salt_bytes": 16,
        "note": "hashes below the current iteration count are upgraded at next login",
    }
