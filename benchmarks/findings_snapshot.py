#!/usr/bin/env python3
"""Every finding of every rule, at every confidence, over a set of source trees: the record a
speed change must leave unchanged.

Standard library plus the installed core (``aisec_shared``). For each ``.py`` file under
each root, in sorted path order, it runs ``check_source`` with every rule enabled (the
opt-in ones too), ``aisec-min-confidence = low`` and strict mode (a rule that raises stops
the run with its traceback instead of becoming AIS000), and writes one line per finding::

    path:line:col:code:confidence:args

then, on stderr, the number of files and findings. A file the parser rejects has no
line (the core reports nothing for it, as in the hosts). Paths are written as given on the
command line, so two snapshots taken from the same working directory compare with ``diff``.

Usage::

    python benchmarks/findings_snapshot.py OUT ROOT...
    python benchmarks/findings_snapshot.py /tmp/before.txt benchmarks/.cache/django-5.2.8 tests examples
    (change the code)
    python benchmarks/findings_snapshot.py /tmp/after.txt benchmarks/.cache/django-5.2.8 tests examples
    diff /tmp/before.txt /tmp/after.txt     # empty: the change kept every finding

It never executes or imports what it reads, and writes only ``OUT``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, TextIO

from aisec_shared import Settings, check_source
from aisec_shared.findings import Confidence

# Every rule (the opt-in ones too), every confidence, exceptions raised.
SETTINGS = Settings(min_confidence=Confidence.LOW, enable=("AIS",), strict=True)


def python_files(roots: Iterable[str]) -> list[Path]:
    """The ``.py`` files under each root (a root that is a file is taken as is), each root's
    files in sorted path order, roots in the order given."""
    found: list[Path] = []
    for root in roots:
        path = Path(root)
        found.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return found


def write_snapshot(files: Iterable[Path], out: TextIO) -> tuple[int, int]:
    """Write the findings of `files` to `out`, one line each; returns ``(files, findings)``.

    Raises:
        Exception: whatever a rule raised (strict mode).
    """
    count = findings = 0
    for path in files:
        count += 1
        found = check_source(path.read_bytes(), str(path), SETTINGS)
        for f in found:
            out.write(f"{path}:{f.line}:{f.col}:{f.code}:{f.confidence.value}:{f.args}\n")
        findings += len(found)
    return count, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="file to write the snapshot to")
    parser.add_argument("roots", nargs="+", help="directories (or files) to read")
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8") as out:
        files, findings = write_snapshot(python_files(args.roots), out)
    print(f"{files} files, {findings} findings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
