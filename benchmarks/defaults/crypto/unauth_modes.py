import os

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

BACKUP_KEY = bytes.fromhex(os.environ["BACKUP_KEY_HEX"])
SIV_KEY = bytes.fromhex(os.environ["BACKUP_SIV_KEY_HEX"])


def encrypt_backup(data: bytes) -> bytes:
    cipher = AES.new(BACKUP_KEY, AES.MODE_CBC)
    return cipher.iv + cipher.encrypt(pad(data, AES.block_size))


def encrypt_stream(data: bytes) -> bytes:
    cipher = AES.new(BACKUP_KEY, AES.MODE_CTR)
    return cipher.nonce + cipher.encrypt(data)


def encrypt_message(data: bytes) -> bytes:
    iv = os.urandom(16)
    encryptor = Cipher(algorithms.AES(BACKUP_KEY), modes.CFB(iv)).encryptor()
    return iv + encryptor.update(data) + encryptor.finalize()


def encrypt_message_aead(data: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + ChaCha20Poly1305(BACKUP_KEY).encrypt(nonce, data, None)


def encrypt_message_fernet(data: bytes) -> bytes:
    return Fernet(os.environ["FERNET_KEY"]).encrypt(data)


def encrypt_backup_siv(data: bytes) -> bytes:
    cipher = AES.new(SIV_KEY, AES.MODE_SIV)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return tag + ciphertext
