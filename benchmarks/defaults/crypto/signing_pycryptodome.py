from Crypto.Hash import MD5, SHA1, SHA256
from Crypto.PublicKey import RSA
from Crypto.Signature import DSS, pkcs1_15, pss


def sign_pycryptodome(key: RSA.RsaKey, message: bytes) -> bytes:
    return pkcs1_15.new(key).sign(SHA1.new(message))


def sign_pycryptodome_md5(key: RSA.RsaKey, message: bytes) -> bytes:
    return pkcs1_15.new(key).sign(MD5.new(message))


def sign_pycryptodome_sha256(key: RSA.RsaKey, message: bytes) -> bytes:
    return pkcs1_15.new(key).sign(SHA256.new(message))


def sign_dss(ecc_key, message: bytes) -> bytes:
    return DSS.new(ecc_key, "fips-186-3").sign(SHA1.new(message))


def sign_pss_sha1(key: RSA.RsaKey, message: bytes) -> bytes:
    return pss.new(key).sign(SHA1.new(message))
