import os

from cryptography.hazmat.primitives.keywrap import aes_key_unwrap, aes_key_wrap


def wrap_data_key(kek: bytes) -> tuple[bytes, bytes]:
    data_key = os.urandom(32)
    return data_key, aes_key_wrap(kek, data_key)


def unwrap_data_key(kek: bytes, wrapped: bytes) -> bytes:
    return aes_key_unwrap(kek, wrapped)

