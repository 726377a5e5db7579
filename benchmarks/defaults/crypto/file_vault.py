import hashlib
import os

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

ENCRYPTION_KEY = b"k3y-f0r-th3-f1l3-v4ult-2024!!!!!"
IV = "abcdefghijklmnop".encode()
LEGACY_IV = bytes.fromhex("000102030405060708090a0b0c0d0e0f")


def encrypt_file(path: str) -> bytes:
    with open(path, "rb") as fh:
        data = fh.read()
    return AESGCM(ENCRYPTION_KEY).encrypt(os.urandom(12), data, None)


def encrypt_legacy(data: bytes) -> bytes:
    cipher = AES.new(ENCRYPTION_KEY, AES.MODE_CBC, IV)
    return cipher.encrypt(pad(data, AES.block_size))


def encrypt_legacy_v1(data: bytes) -> bytes:
    return AES.new(ENCRYPTION_KEY, AES.MODE_CBC, LEGACY_IV).encrypt(pad(data, 16))


def demo_cipher() -> AES:
    return AES.new(b"Sixteen byte key", AES.MODE_EAX)


def fernet_for_exports() -> Fernet:
    return Fernet(b"yJ3mBq8XrVwZ1cT5nL0pE7aK2sH9dF4gU6iO8jM1bN0=")


def key_from_passphrase() -> bytes:
    return hashlib.sha256(b"acme-vault-passphrase").digest()


def derive_user_key(password: str) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=b"acme-static-salt", iterations=600_000)
    return kdf.derive(password.encode())


def derive_user_key_scrypt(password: str) -> bytes:
    return hashlib.scrypt(password.encode(), salt=b"saltsalt", n=2**14, r=8, p=1, dklen=32)
