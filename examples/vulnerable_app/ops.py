"""Admin / ops helpers: connectivity checks, backups, internal service calls."""

import os
import random
import smtplib
import subprocess
import time
from datetime import datetime
from email.message import EmailMessage

import requests

from . import settings

BACKUP_DIR = "/var/backups/shop"
REPO_DIR = "/srv/shop"

# Deploy key used to pull the latest release from the private git server.
DEPLOY_KEY = """-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
ZmFrZS1vcGVuc3NoLWtleS1mb3ItYWlzZWMtbGludC1leGFtcGxlcy1vbmx5LW5vdC1hLXJlYWwta2V5ISE=
dGhpcy1pcy1ub3QtYS1rZXktaXQtb25seS1oYXMtdGhlLXNoYXBlLW9mLW9uZS1mb3ItdGhlLWxpbnRlcg==
-----END OPENSSH PRIVATE KEY-----
"""

SMTP_CONFIG = {
    "host": "smtp.shop.local",
    "port": 587,
    "username": "alerts@shop.local",
    "password": "Sm7p-Alerts-99",
}


def ping_host(host):
    """Check whether a host is reachable."""
    result = subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True)
    return {"host": host, "reachable": result.returncode == 0, "output": result.stdout}


def backup_database(label):
    os.makedirs(BACKUP_DIR, exist_ok=True)
    archive = f"{BACKUP_DIR}/{label}-{datetime.utcnow():%Y%m%d%H%M%S}.tar.gz"
    exit_code = os.system("tar czf " + archive + " " + settings.DATABASE_PATH)
    return {"archive": archive, "ok": exit_code == 0}


def deploy_latest(branch="main"):
    key_path = "/tmp/shop_deploy_key"
    with open(key_path, "w") as f:
        f.write(DEPLOY_KEY)
    os.chmod(key_path, 0o600)
    cmd = f"GIT_SSH_COMMAND='ssh -i {key_path}' git -C {REPO_DIR} pull origin {branch}"
    return subprocess.check_output(cmd, shell=True, text=True)


def check_service_health(url=settings.STATUS_PAGE_URL):
    # The internal services use self-signed certificates
    response = requests.get(url, timeout=5, verify=False)
    return {"url": url, "status": response.status_code, "ok": response.ok}


def fetch_stock_levels(product_ids, retries=3, backoff=0.5):
    for attempt in range(retries):
        try:
            response = requests.post(
                f"{settings.INVENTORY_API_URL}/stock",
                json={"product_ids": product_ids},
                timeout=10,
            )
            response.raise_for_status()
            return response.json()
        except requests.RequestException:
            if attempt == retries - 1:
                raise
            time.sleep(backoff * (2 ** attempt) + random.uniform(0, backoff))
    return None


def send_email(to, subject, body):
    msg = EmailMessage()
    msg["From"] = SMTP_CONFIG["username"]
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_CONFIG["host"], SMTP_CONFIG["port"]) as server:
        server.starttls()
        server.login(SMTP_CONFIG["username"], SMTP_CONFIG["password"])
        server.send_message(msg)
