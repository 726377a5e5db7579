"""Helpers kept for the old mobile client, which still speaks the 2014 wire format."""
from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish, ChaCha20_Poly1305
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad, unpad


def des_encrypt(key: bytes, data: bytes) -> bytes:
    cipher = DES.new(key, DES.MODE_CBC)
    return cipher.iv + cipher.encrypt(pad(data, DES.block_size))


def des_decrypt(key: bytes, blob: bytes) -> bytes:
    cipher = DES.new(key, DES.MODE_CBC, iv=blob[:8])
    return unpad(cipher.decrypt(blob[8:]), DES.block_size)


def triple_des_encrypt(key: bytes, data: bytes) -> bytes:
    iv = get_random_bytes(8)
    cipher = DES3.new(key, DES3.MODE_CBC, iv)
    return iv + cipher.encrypt(pad(data, DES3.block_size))


def rc4_stream(key: bytes, data: bytes) -> bytes:
    return ARC4.new(key).encrypt(data)


def blowfish_encrypt(key: bytes, data: bytes) -> bytes:
    cipher = Blowfish.new(key, Blowfish.MODE_CBC)
    return cipher.iv + cipher.encrypt(pad(data, Blowfish.block_size))


def aes_encrypt(key: bytes, data: bytes) -> bytes:
    cipher = AES.new(key, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ciphertext


def chacha_encrypt(key: bytes, data: bytes) -> bytes:
    cipher = ChaCha20_Poly1305.new(key=key)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ciphertext
