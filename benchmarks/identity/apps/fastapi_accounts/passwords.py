"""Password hashing for the accounts service.

New accounts use Argon2id. Two older schemes are still accepted at login while the
migration runs.
"""
import hashlib
import hmac
import os

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

_argon2 = PasswordHasher()
RESERVED_USERNAMES = frozenset({"root", "admin", "administrator", "support", "system"})


def hash_password(password: str) -> str:
    return _argon2.hash(password)


def verify_password(password: str, stored: str) -> bool:
    if stored.startswith("$argon2"):
        try:
            return _argon2.verify(stored, password)
        except VerificationError:
            return False
    if stored.startswith("sha512$"):
        return verify_sha512(password, stored)
    if stored.startswith("blake2$"):
        return verify_blake2(password, stored)
    return False


def hash_sha512(password: str, salt: str) -> str:
    return "sha512$" + salt + "$" + hashlib.sha512((salt + password).encode()).hexdigest()


def verify_sha512(password: str, stored: str) -> bool:
    _, salt, _ = stored.split("$")
    return hmac.compare_digest(hash_sha512(password, salt), stored)


def hash_blake2(password: str, salt: bytes) -> str:
    digest = hashlib.blake2b(password.encode(), salt=salt, digest_size=32).hexdigest()
    return "blake2$" + salt.hex() + "$" + digest


def verify_blake2(password: str, stored: str) -> bool:
    _, salt_hex, _ = stored.split("$")
    return hmac.compare_digest(hash_blake2(password, bytes.fromhex(salt_hex)), stored)


def hash_recovery_code(code: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha512", code.encode(), salt, 210_000)
    return salt.hex() + ":" + digest.hex()


def needs_rehash(stored: str) -> bool:
    return not stored.startswith("$argon2") or _argon2.check_needs_rehash(stored)


def is_reserved(username: str) -> bool:
    return username.strip().lower() in RESERVED_USERNAMES


def password_strength(password: str) -> int:
    score = 0
    if len(password) >= 12:
        score += 1
    if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
        score += 1
    if any(not c.isalnum() for c in password):
        score += 1
    return score
