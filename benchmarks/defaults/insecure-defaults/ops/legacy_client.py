import socket
import ssl

import requests

LEGACY_HOST = "legacy-billing.internal"


def open_legacy_channel(host: str = LEGACY_HOST, port: int = 8443) -> ssl.SSLSocket:
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    context.load_verify_locations("/etc/ssl/certs/legacy-ca.pem")
    sock = socket.create_connection((host, port))
    return context.wrap_socket(sock, server_hostname=host)


def open_partner_channel(host: str, port: int = 443) -> ssl.SSLSocket:
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)
    sock = socket.create_connection((host, port))
    return context.wrap_socket(sock, server_hostname=host)


def fetch_invoice(invoice_id: str) -> dict:
    resp = requests.get(f"https://{LEGACY_HOST}/invoices/{invoice_id}", verify=False, timeout=10)
    resp.raise_for_status()
    return resp.json()


def fetch_receipt(receipt_id: str) -> dict:
    resp = requests.get(
        f"https://{LEGACY_HOST}/receipts/{receipt_id}",
        verify="/etc/ssl/certs/internal-ca.pem",
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()
