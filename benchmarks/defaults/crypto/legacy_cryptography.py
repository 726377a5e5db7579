import os

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4, IDEA, Blowfish, TripleDES
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305


def encrypt_3des(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    padder = padding.PKCS7(64).padder()
    encryptor = Cipher(TripleDES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padder.update(data) + padder.finalize()) + encryptor.finalize()


def encrypt_blowfish(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    encryptor = Cipher(Blowfish(key), modes.CFB(iv)).encryptor()
    return iv + encryptor.update(data) + encryptor.finalize()


def encrypt_idea(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    encryptor = Cipher(IDEA(key), modes.OFB(iv)).encryptor()
    return iv + encryptor.update(data) + encryptor.finalize()


def rc4_keystream(key: bytes, data: bytes) -> bytes:
    encryptor = Cipher(ARC4(key), mode=None).encryptor()
    return encryptor.update(data)


def old_triple_des(key: bytes, block: bytes) -> bytes:
    encryptor = Cipher(algorithms.TripleDES(key), modes.ECB()).encryptor()
    return encryptor.update(block) + encryptor.finalize()


def encrypt_aes_gcm(key: bytes, data: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def encrypt_chacha(key: bytes, data: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, data, None)


def encrypt_aes_hazmat(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(12)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
    return iv + encryptor.update(data) + encryptor.finalize() + encryptor.tag
