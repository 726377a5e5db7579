import os
import tempfile
from pathlib import Path
from tempfile import mktemp


def export_csv(rows: list[str]) -> str:
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as fh:
        fh.write("\n".join(rows))
    return path


def scratch_file() -> str:
    name = mktemp()
    Path(name).write_text("")
    return name


def spool_dir() -> str:
    return tempfile.mktemp(prefix="spool-", dir="/var/tmp")


def export_csv_safely(rows: list[str]) -> str:
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(rows))
    return path


def render_pdf(html: str) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".html") as fh:
        fh.write(html.encode())
        fh.flush()
        return Path(fh.name).read_bytes()


def unpack(archive: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as workdir:
        Path(workdir, "a.zip").write_bytes(archive)
        return os.listdir(workdir)
