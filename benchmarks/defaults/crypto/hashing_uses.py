import hashlib
import hmac

import pyotp
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def etag_for(body: bytes) -> str:
    return hashlib.md5(body).hexdigest()


def cache_key(url: str, params: dict) -> str:
    raw = url + "?" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return "page:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def verify_github_legacy_signature(secret: bytes, body: bytes, header: str) -> bool:
    expected = "sha1=" + hmac.new(secret, body, hashlib.sha1).hexdigest()
    return hmac.compare_digest(expected, header)


def totp_now(seed: str) -> str:
    return pyotp.TOTP(seed, digest=hashlib.sha1).now()


def wrap_key_for_partner(public_key, data_key: bytes) -> bytes:
    oaep = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
    return public_key.encrypt(data_key, oaep)


def dedupe_key(record: dict) -> str:
    return hashlib.sha1(repr(sorted(record.items())).encode()).hexdigest()
