"""Admin / ops helpers: connectivity checks, backups, internal service calls."""

import ipaddress
import os
import random
import re
import smtplib
import ssl
import subprocess
import time
from datetime import datetime, timezone
from email.message import EmailMessage

import requests

from . import settings

BACKUP_DIR = "/var/backups/shop"
REPO_DIR = "/srv/shop"
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
LABEL_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
BRANCH_RE = re.compile(r"^[A-Za-z0-9._/-]{1,100}$")

SMTP_CONFIG = {
    "host": settings.SMTP_HOST,
    "port": settings.SMTP_PORT,
    "username": settings.SMTP_USERNAME,
    "password": settings.SMTP_PASSWORD,
}


def _valid_host(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(host))


def ping_host(host):
    """Check whether a host is reachable."""
    if not _valid_host(host):
        raise ValueError(f"invalid host: {host!r}")
    result = subprocess.run(
        ["ping", "-c", "1", "-W", "2", "--", host],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return {"host": host, "reachable": result.returncode == 0, "output": result.stdout}


def backup_database(label):
    if not LABEL_RE.match(label):
        raise ValueError(f"invalid backup label: {label!r}")
    os.makedirs(BACKUP_DIR, exist_ok=True)
    archive = os.path.join(BACKUP_DIR, f"{label}-{datetime.now(timezone.utc):%Y%m%d%H%M%S}.tar.gz")
    result = subprocess.run(["tar", "czf", archive, settings.DATABASE_PATH], check=False)
    return {"archive": archive, "ok": result.returncode == 0}


def deploy_latest(branch="main"):
    if not BRANCH_RE.match(branch) or branch.startswith("-"):
        raise ValueError(f"invalid branch: {branch!r}")
    env = {**os.environ, "GIT_SSH_COMMAND": f"ssh -i {settings.DEPLOY_KEY_PATH} -o IdentitiesOnly=yes"}
    return subprocess.check_output(
        ["git", "-C", REPO_DIR, "pull", "--ff-only", "origin", branch], env=env, text=True
    )


def check_service_health(url=settings.STATUS_PAGE_URL):
    # Internal services use certificates issued by our own CA: trust that CA explicitly.
    response = requests.get(url, timeout=5, verify=settings.INTERNAL_CA_BUNDLE)
    return {"url": url, "status": response.status_code, "ok": response.ok}


def fetch_stock_levels(product_ids, retries=3, backoff=0.5):
    for attempt in range(retries):
        try:
            response = requests.post(
                f"{settings.INVENTORY_API_URL}/stock",
                json={"product_ids": product_ids},
                timeout=10,
                verify=True,
            )
            response.raise_for_status()
            return response.json()
        except requests.RequestException:
            if attempt == retries - 1:
                raise
            # exponential backoff with jitter so clients don't retry in lockstep
            delay = backoff * (2 ** attempt) + random.uniform(0, backoff)
            time.sleep(delay)
    return None


def send_email(to, subject, body):
    msg = EmailMessage()
    msg["From"] = SMTP_CONFIG["username"]
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    context = ssl.create_default_context()
    with smtplib.SMTP(SMTP_CONFIG["host"], SMTP_CONFIG["port"], timeout=10) as server:
        server.starttls(context=context)
        server.login(SMTP_CONFIG["username"], SMTP_CONFIG["password"])
        server.send_message(msg)
