import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.x509.oid import NameOID


def sign_invoice(private_key, data: bytes) -> bytes:
    return private_key.sign(data, padding.PKCS1v15(), hashes.SHA1())


def sign_invoice_pss(private_key, data: bytes) -> bytes:
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH)
    return private_key.sign(data, pss, hashes.SHA256())


def sign_event(ec_key, data: bytes) -> bytes:
    return ec_key.sign(data, ec.ECDSA(hashes.SHA1()))


def sign_event_sha256(ec_key, data: bytes) -> bytes:
    return ec_key.sign(data, ec.ECDSA(hashes.SHA256()))


def _cert_builder(key, common_name: str) -> x509.CertificateBuilder:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=365))
    )


def legacy_device_cert(key, common_name: str) -> x509.Certificate:
    return _cert_builder(key, common_name).sign(key, hashes.MD5())


def server_cert(key, common_name: str) -> x509.Certificate:
    return _cert_builder(key, common_name).sign(key, hashes.SHA256())


def make_csr(key, common_name: str) -> x509.CertificateSigningRequest:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    return x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA1())
