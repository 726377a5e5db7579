"""Baselines: adopt aisec-lint on an existing codebase by recording today's findings.

``aisec-baseline PATH...`` runs the core over the Python files under the given paths and
writes the fingerprints of every finding it reports to a JSON file (default
``.aisec-baseline.json``). Both hosts read that file through the ``aisec-baseline`` option and
then report only findings whose fingerprint is not in it.

A fingerprint survives line shifts: it hashes the rule's code, the file's path relative to the
baseline file's directory, the normalised code of the statement the finding is in (comments
removed, whitespace collapsed) and the occurrence of that (code, statement) pair in the file.
Editing the statement itself makes the finding new again, which is the point. Fingerprints are
SHA-256 digests, so no source text (and no secret) reaches the file.

The file format (version 1)::

    {"tool": "aisec-lint", "version": 1, "fingerprints": ["<64 hex digits>", ...]}
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .options import OptionError
from .analysis.patterns import lazy_compile

__all__ = ["Baseline", "fingerprint", "load_baseline", "main", "statement_text"]

FORMAT_VERSION = 1
DEFAULT_FILE = ".aisec-baseline.json"
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "env", "node_modules",
                        "__pycache__", "build", "dist", ".eggs", ".mypy_cache", ".pytest_cache"})
_SPACE = lazy_compile(r"\s+")
_HEX64 = lazy_compile(r"^[0-9a-f]{64}$")


def fingerprint(code: str, path: str, statement: str, occurrence: int) -> str:
    """SHA-256 hex digest of a finding's identity (see the module docstring)."""
    import hashlib  # here, not at the top: OpenSSL's loading is 2 ms of every flake8 start

    data = "\0".join((code, path, statement, str(occurrence))).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def statement_text(lines: list[str], comments: dict[int, str], first: int, last: int) -> str:
    """The source of lines `first`..`last` (1-based, inclusive) with comments removed and
    whitespace collapsed."""
    parts = []
    for n in range(first, min(last, len(lines)) + 1):
        text = lines[n - 1]
        comment = comments.get(n)
        if comment:
            at = text.rfind(comment)
            if at >= 0:
                text = text[:at]
        parts.append(text)
    return _SPACE.sub(" ", " ".join(parts)).strip()


def relative_path(filename: str, base_dir: str) -> str:
    """`filename` relative to `base_dir`, with ``/`` separators (as given if that fails)."""
    if filename in ("", "-", "stdin"):
        return filename
    try:
        return Path(os.path.relpath(os.path.abspath(filename), base_dir)).as_posix()
    except ValueError:
        return Path(filename).as_posix()


class Baseline:
    """A loaded baseline: a set of fingerprints and the directory paths are relative to."""

    def __init__(self, fingerprints: Iterable[str], base_dir: str) -> None:
        self.fingerprints = frozenset(fingerprints)
        self.base_dir = base_dir

    def fingerprints_of(self, keyed: list[tuple[str, str]], filename: str) -> list[str]:
        """Fingerprints for findings given as ``(code, statement text)`` in file order."""
        path = relative_path(filename, self.base_dir)
        seen: Counter = Counter()
        out = []
        for code, text in keyed:
            seen[(code, text)] += 1
            out.append(fingerprint(code, path, text, seen[(code, text)]))
        return out


def load_baseline(path: str) -> Baseline:
    """Read a baseline file (memoised per path and modification time).

    Raises:
        OptionError: the file is missing, unreadable, not JSON, or not a version-1 baseline.
    """
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError as exc:
        raise OptionError(f"aisec-baseline: cannot read {path!r} ({exc.strerror})") from None
    return _load(os.path.abspath(path), stamp)


@lru_cache(maxsize=8)
def _load(path: str, stamp: int) -> Baseline:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise OptionError(f"aisec-baseline: {path!r} is not a readable JSON baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise OptionError(f"aisec-baseline: {path!r} is not a version {FORMAT_VERSION} aisec-lint baseline")
    prints = data.get("fingerprints")
    if not isinstance(prints, list) or not all(isinstance(p, str) and _HEX64.match(p) for p in prints):
        raise OptionError(f"aisec-baseline: {path!r} holds malformed fingerprints")
    return Baseline(prints, os.path.dirname(path))


def python_files(paths: Iterable[str]) -> Iterator[Path]:
    """The ``.py`` files named or found under `paths` (sorted; tool and VCS folders skipped)."""
    for raw in paths:
        root = Path(raw)
        if root.is_file():
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.endswith(".egg-info"))
            for name in sorted(filenames):
                if name.endswith(".py"):
                    yield Path(dirpath) / name


def main(argv: list[str] | None = None) -> int:
    """``aisec-baseline``: write the fingerprints of today's findings; see the module docstring."""
    from .engine import baseline_keys, settings_from_host
    from .options import OPTIONS

    parser = argparse.ArgumentParser(
        prog="aisec-baseline",
        description="Record the current aisec-lint findings so that flake8 and pylint report only new ones.",
    )
    parser.add_argument("paths", nargs="+", help="files or directories to scan")
    parser.add_argument("-o", "--output", default=DEFAULT_FILE, help=f"baseline file to write (default: {DEFAULT_FILE})")
    for opt in OPTIONS:
        if opt.name != "aisec-baseline":
            parser.add_argument(f"--{opt.name}", dest=opt.attr, default=None, metavar=opt.metavar, help=opt.help)
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        parser.error(f"no such file or directory: {', '.join(missing)}")
    values = {opt.attr: getattr(args, opt.attr, None) for opt in OPTIONS if opt.name != "aisec-baseline"}
    try:
        settings = settings_from_host(values)
    except OptionError as exc:
        parser.error(str(exc))
    base_dir = os.path.dirname(os.path.abspath(args.output))
    prints: set[str] = set()
    files = 0
    for path in python_files(args.paths):
        files += 1
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(f"aisec-baseline: skipped {path}: {exc.strerror}", file=sys.stderr)
            continue
        keyed = baseline_keys(data, str(path), settings)
        prints.update(Baseline((), base_dir).fingerprints_of(keyed, str(path)))
    payload = {"tool": "aisec-lint", "version": FORMAT_VERSION, "fingerprints": sorted(prints)}
    with open(args.output, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, indent=1)
        fh.write("\n")
    print(f"aisec-baseline: {len(prints)} findings in {files} files recorded in {args.output}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
