import base64
import os

import boto3
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.conf import settings

kms = boto3.client("kms")


def new_data_key() -> tuple[bytes, bytes]:
    resp = kms.generate_data_key(KeyId=os.environ["KMS_KEY_ID"], KeySpec="AES_256")
    return resp["Plaintext"], resp["CiphertextBlob"]


def env_cipher() -> AESGCM:
    return AESGCM(base64.b64decode(os.environ["DATA_KEY"]))


def rotate_key() -> bytes:
    return Fernet.generate_key()


def fresh_aead() -> AESGCM:
    return AESGCM(AESGCM.generate_key(bit_length=256))


def settings_fernet() -> Fernet:
    return Fernet(settings.FERNET_KEY)


def derive_key(password: str, record: dict) -> bytes:
    salt = record["salt"]
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
    return kdf.derive(password.encode())


def new_user_salt() -> bytes:
    salt = os.urandom(16)
    return salt
