"""Encrypt PII columns before they are written to the database."""
import base64
import os

from cryptography.hazmat.primitives import hashes, hmac, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

FIELD_KEY = base64.b64decode(os.environ["FIELD_ENCRYPTION_KEY"])
MAC_KEY = base64.b64decode(os.environ["FIELD_MAC_KEY"])


def encrypt_field(value: str) -> str:
    iv = b"\x00" * 16
    padder = padding.PKCS7(128).padder()
    padded = padder.update(value.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(FIELD_KEY), modes.CBC(iv)).encryptor()
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode()


def encrypt_field_v2(value: str) -> str:
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(value.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(FIELD_KEY), modes.CBC(iv)).encryptor()
    ciphertext = iv + encryptor.update(padded) + encryptor.finalize()
    mac = hmac.HMAC(MAC_KEY, hashes.SHA256())
    mac.update(ciphertext)
    return base64.b64encode(ciphertext + mac.finalize()).decode()


def decrypt_field_v2(token: str) -> str:
    blob = base64.b64decode(token)
    body, tag = blob[:-32], blob[-32:]
    mac = hmac.HMAC(MAC_KEY, hashes.SHA256())
    mac.update(body)
    mac.verify(tag)
    iv, ciphertext = body[:16], body[16:]
    decryptor = Cipher(algorithms.AES(FIELD_KEY), modes.CBC(iv)).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(decryptor.update(ciphertext) + decryptor.finalize()) + unpadder.finalize()).decode()


def encrypt_counter(value: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(FIELD_KEY), modes.CTR(b"\x00" * 16)).encryptor()
    return encryptor.update(value) + encryptor.finalize()
