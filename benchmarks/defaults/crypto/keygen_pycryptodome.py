import rsa as pyrsa
from Crypto.PublicKey import DSA, ECC, RSA


def make_pycryptodome_rsa() -> bytes:
    return RSA.generate(1024).export_key()


def make_pycryptodome_dsa() -> bytes:
    return DSA.generate(1024).export_key()


def make_pycryptodome_ecc() -> str:
    return ECC.generate(curve="P-192").export_key(format="PEM")


def make_pyrsa_keys():
    return pyrsa.newkeys(512)


def make_pycryptodome_rsa_3072() -> bytes:
    return RSA.generate(3072).export_key()


def make_pycryptodome_ecc_p256() -> str:
    return ECC.generate(curve="P-256").export_key(format="PEM")
