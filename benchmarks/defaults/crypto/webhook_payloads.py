import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

PAYLOAD_KEY = bytes.fromhex("8f3a1c9be27d4056a1f0c3e8b94d7a2615e0c8f3b7a94d21e6c05f8a3b1d9e47")


def seal_payload(payload: dict) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(PAYLOAD_KEY).encrypt(nonce, json.dumps(payload).encode(), None)


def seal_partner_payload(payload: dict) -> bytes:
    aead = ChaCha20Poly1305(b"partner-shared-key-32-bytes-long")
    nonce = os.urandom(12)
    return nonce + aead.encrypt(nonce, json.dumps(payload).encode(), None)
