#!/usr/bin/env python3
"""Run aisec-lint's core (strict mode) over large real corpora; exit 1 on any crash.

Corpora, in order:

- the ``.py`` files of every CPython standard library found under
  ``~/.pyenv/versions/3.1[0-4]*/lib/python3.*/`` (``--pyenv-root`` moves it);
- the pinned Django source that ``bench_django.py`` extracts into ``benchmarks/.cache/``
  (``django-*/django``), when present;
- every directory given with ``--extra DIR`` (Flask, requests, your own code...).

Every file goes through ``aisec_shared.check_source(data, path, Settings(strict=True))`` in
this process. Strict mode raises on any internal failure (a rule's exception, an unknown
node type) instead of reporting AIS000, so every exception is a crash of the core.

The core parses with the running interpreter, so files written in newer syntax (3.13's
stdlib under Python 3.11, say) do not parse: the core returns ``[]`` for them, as it does in
a lint run. They are counted as "unparsable" (checked here with ``ast.parse``), not as
crashes. Run the script with each interpreter in turn to cover every grammar.

Usage::

    python benchmarks/corpus_run.py                      # stdlibs + pinned Django
    python benchmarks/corpus_run.py --extra ~/src/flask/src --extra ~/src/requests/src
    python benchmarks/corpus_run.py --no-stdlib --extra path/to/project
    python benchmarks/corpus_run.py --slowest 20         # also list the 20 slowest files

Prints one line per corpus (files, unparsable, crashes, findings, seconds) and, for each
crash, the file and the traceback. Exit status: 0 without crashes, 1 with any.
Standard library only, plus the installed aisec-lint.
"""

from __future__ import annotations

import argparse
import ast
import glob
import os
import sys
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_CACHE = BENCH_DIR / ".cache"
STDLIB_GLOB = "versions/3.1[0-4]*/lib/python3.*/"


@dataclass
class Result:
    name: str
    root: Path
    files: int = 0
    unparsable: int = 0
    findings: int = 0
    seconds: float = 0.0
    crashes: list[tuple[Path, str]] = field(default_factory=list)
    slowest: list[tuple[float, Path]] = field(default_factory=list)


def _python_files(root: Path) -> list[Path]:
    # site-packages is not the standard library (and differs between machines).
    return sorted(p for p in root.rglob("*.py") if "site-packages" not in p.parts and p.is_file())


def _parses(data: bytes) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True


def run_corpus(name: str, root: Path, keep_slowest: int) -> Result:
    from aisec_shared import Settings, check_source

    strict = Settings(strict=True)
    result = Result(name, root)
    for path in _python_files(root):
        try:
            data = path.read_bytes()
        except OSError as exc:  # a dangling symlink, a permission problem: not ours
            print(f"  skip {path}: {exc}", file=sys.stderr)
            continue
        result.files += 1
        start = time.perf_counter()
        try:
            findings = check_source(data, str(path), strict)
        except BaseException as exc:  # noqa: BLE001 - every exception is a crash to report
            if isinstance(exc, KeyboardInterrupt):
                raise
            result.crashes.append((path, traceback.format_exc()))
            findings = []
        elapsed = time.perf_counter() - start
        result.seconds += elapsed
        result.findings += len(findings)
        if not findings and not _parses(data):
            result.unparsable += 1
        if keep_slowest:
            result.slowest.append((elapsed, path))
            result.slowest = sorted(result.slowest, reverse=True)[:keep_slowest]
    return result


def corpora(args: argparse.Namespace) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    if not args.no_stdlib:
        pyenv = Path(os.path.expanduser(args.pyenv_root))
        for lib in sorted(glob.glob(str(pyenv / STDLIB_GLOB))):
            version = Path(lib).parts[-3]  # versions/<3.x.y>/lib/python3.x
            found.append((f"cpython-{version} stdlib", Path(lib)))
    if not args.no_django:
        for django in sorted(Path(args.cache_dir).glob("django-*/django")):
            found.append((f"{django.parent.name}", django))
    for extra in args.extra:
        found.append((f"extra {extra}", Path(extra)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra", action="append", default=[], metavar="DIR", help="another tree of .py files (repeatable)")
    parser.add_argument("--pyenv-root", default=os.environ.get("PYENV_ROOT", "~/.pyenv"))
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help="where bench_django.py put Django")
    parser.add_argument("--no-stdlib", action="store_true", help="skip the CPython standard libraries")
    parser.add_argument("--no-django", action="store_true", help="skip the pinned Django source")
    parser.add_argument("--slowest", type=int, default=0, metavar="N", help="list the N slowest files")
    args = parser.parse_args(argv)

    import aisec_shared

    trees = corpora(args)
    missing = [str(root) for _, root in trees if not root.is_dir()]
    if missing:
        parser.error(f"not a directory: {', '.join(missing)}")
    if not trees:
        parser.error("no corpus found (see --pyenv-root, --cache-dir, --extra)")
    print(f"aisec-lint {aisec_shared.__version__} core, strict mode, on Python {sys.version.split()[0]}")
    results = []
    for name, root in trees:
        print(f"  {name}: {root} ...", file=sys.stderr, flush=True)
        result = run_corpus(name, root, args.slowest)
        results.append(result)
        print(
            f"{name:<28} {result.files:>6} files  {result.unparsable:>4} unparsable on this Python  "
            f"{len(result.crashes):>3} crashes  {result.findings:>6} findings  {result.seconds:>7.1f} s",
            flush=True,
        )
        for elapsed, path in result.slowest:
            print(f"    {elapsed * 1000:8.0f} ms  {path}")
    total_files = sum(r.files for r in results)
    total_crashes = [c for r in results for c in r.crashes]
    print(
        f"{'total':<28} {total_files:>6} files  {sum(r.unparsable for r in results):>4} unparsable on this Python  "
        f"{len(total_crashes):>3} crashes  {sum(r.findings for r in results):>6} findings  "
        f"{sum(r.seconds for r in results):>7.1f} s"
    )
    for path, tb in total_crashes:
        print(f"\nCRASH {path}\n{tb}", end="")
    return 1 if total_crashes else 0


if __name__ == "__main__":
    sys.exit(main())
