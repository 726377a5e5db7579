import os
import secrets

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

SESSION_KEY = bytes.fromhex(os.environ["SESSION_KEY_HEX"])
STATIC_NONCE = b"\x00" * 12


def seal_session(data: bytes) -> bytes:
    return AESGCM(SESSION_KEY).encrypt(STATIC_NONCE, data, None)


def seal_session_chacha(data: bytes) -> bytes:
    return ChaCha20Poly1305(SESSION_KEY).encrypt(b"fixednonce12", data, None)


def seal_session_gcm(data: bytes) -> bytes:
    cipher = AES.new(SESSION_KEY, AES.MODE_GCM, nonce=bytes(12))
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return tag + ciphertext


def encrypt_cookie(data: bytes) -> bytes:
    cipher = AES.new(SESSION_KEY, AES.MODE_CBC, iv=b"0123456789abcdef")
    return cipher.encrypt(data.ljust(32, b" "))


def seal_session_random(data: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + ChaCha20Poly1305(SESSION_KEY).encrypt(nonce, data, None)


def open_session(blob: bytes) -> bytes:
    nonce, ciphertext = blob[:12], blob[12:]
    return AESGCM(SESSION_KEY).decrypt(nonce, ciphertext, None)


def seal_session_pycryptodome(data: bytes) -> bytes:
    nonce = get_random_bytes(12)
    cipher = AES.new(SESSION_KEY, AES.MODE_GCM, nonce=nonce)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return nonce + tag + ciphertext
