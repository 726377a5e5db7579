import os
import stat
from pathlib import Path

UPLOAD_DIR = Path("/srv/app/uploads")
KEY_PATH = Path("/srv/app/keys/signing.pem")


def save_upload(name: str, data: bytes) -> Path:
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    os.chmod(UPLOAD_DIR, 0o777)
    target = UPLOAD_DIR / name
    target.write_bytes(data)
    os.chmod(target, 0o644)
    return target


def write_signing_key(pem: bytes) -> None:
    KEY_PATH.write_bytes(pem)
    os.chmod(KEY_PATH, 0o666)


def write_signing_key_safely(pem: bytes) -> None:
    fd = os.open(KEY_PATH, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    os.chmod(KEY_PATH, 0o600)


def share_cache_dir(path: str) -> None:
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def install_hook(path: Path) -> None:
    path.chmod(0o755)


def make_report_dir(path: Path) -> None:
    path.mkdir(exist_ok=True)
    path.chmod(0o777)
