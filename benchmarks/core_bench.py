#!/usr/bin/env python3
"""In-process timings of aisec-lint's core, run by ``bench_django.py`` inside its aisec venv.

Standard library plus the installed core (``aisec_shared``); it never imports flake8 or
pylint. Each subcommand prints one JSON document on stdout:

``corpus DIR``
    Reads, parses and checks every ``.py`` file under ``DIR/django`` (sorted by path) with
    ``aisec_shared.check_source`` and the default ``Settings()``, as one process, the way a
    linter would. ``bench_django.py`` times the whole command from outside, process start
    included, against Bandit's command on the same files. Prints the file and finding counts.

``modules --runs N FILE...``
    For each file: one untimed call (imports the rules, builds the dispatch table, warms the
    identifier caches), then ``N`` timed rounds, the files interleaved within a round. A
    sample is one ``check_source(bytes, path, Settings())`` call: decoding, ``ast.parse``
    and every default rule. Prints the CPU (``time.process_time``) and wall
    (``time.perf_counter``) samples in seconds per file.

``scale --runs N --sizes 1000,2000,... DIR``
    Builds a pool of real Django modules (below), cuts it into generated modules of about
    ``size`` lines for each size, and times checking all the modules of one size; ``N``
    rounds, the sizes interleaved within a round, after one untimed pass over the pool.
    Each round also times ``ast.parse`` alone on the same modules (the parser's share), as
    ``check_source`` runs it: the collector paused, each tree freed before it resumes.
    Every size covers the same lines, so a per-line cost that stays flat as the modules grow
    means the cost of one file is linear in its size.

The pool, deterministic: the ``.py`` files under ``DIR/django`` of at most ``--max-file``
lines (1,000) that parse, decode as UTF-8 and have no ``from __future__`` import (which
must open a module), their sorted paths shuffled by ``random.Random(8)``, taken in that
order, skipping a file that would take the total past the largest size. For one size, the
files are concatenated in pool order and a new module starts whenever the next file would
take the current one past the size, so modules hold at most ``size`` lines (a file longer
than the size would be a module of its own; with ``--max-file`` at or below the smallest
size there is none). The largest size is the whole pool as one module.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from aisec_shared import Settings, check_source
from aisec_shared.engine import gc_paused

POOL_SEED = 8


def corpus_files(root: Path) -> list[Path]:
    """The ``.py`` files under ``root/django``, sorted by path."""
    return sorted((root / "django").rglob("*.py"))


def cmd_corpus(root: Path) -> dict[str, Any]:
    """Check every file of the corpus once with the default settings; counts only."""
    settings = Settings()
    files = findings = 0
    for path in corpus_files(root):
        rel = path.relative_to(root).as_posix()
        findings += len(check_source(path.read_bytes(), rel, settings))
        files += 1
    return {"files": files, "findings": findings}


def physical_lines(text: str) -> int:
    """Lines as ``wc -l`` counts them, plus an unterminated last line."""
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def cmd_modules(paths: Sequence[Path], runs: int) -> dict[str, Any]:
    """CPU and wall samples of ``check_source`` per file (see the module docstring)."""
    settings = Settings()
    sources = [(p.as_posix(), p.read_bytes()) for p in paths]  # noqa: AIS407 - the user's files
    out: dict[str, Any] = {}
    for name, data in sources:
        findings = check_source(data, name, settings)  # untimed: rules, dispatch, caches
        out[name] = {"lines": physical_lines(data.decode("utf-8", "replace")),
                     "findings": len(findings), "cpu_s": [], "wall_s": []}
    for _ in range(runs):
        for name, data in sources:
            cpu0, wall0 = time.process_time(), time.perf_counter()
            check_source(data, name, settings)
            wall1, cpu1 = time.perf_counter(), time.process_time()
            out[name]["cpu_s"].append(cpu1 - cpu0)
            out[name]["wall_s"].append(wall1 - wall0)
    return out


def _pool_file(path: Path, max_lines: int) -> str | None:
    """The text of ``path`` if it may go into the pool (see the module docstring), else None."""
    try:
        text = path.read_bytes().decode("utf-8").lstrip("\ufeff")
        tree = ast.parse(text)
    except (UnicodeDecodeError, SyntaxError, ValueError):
        return None
    if physical_lines(text) > max_lines or not text.strip():
        return None
    if any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in ast.walk(tree)):
        return None
    return text if text.endswith("\n") else text + "\n"


def build_pool(root: Path, total: int, max_lines: int) -> list[tuple[str, str]]:
    """``(relative path, text)`` of the pool's files, in pool order, at most ``total`` lines."""
    paths = corpus_files(root)
    random.Random(POOL_SEED).shuffle(paths)  # nosec B311 - a fixed order, not a secret
    pool, lines = [], 0
    for path in paths:
        text = _pool_file(path, max_lines)
        if text is None:
            continue
        n = physical_lines(text)
        if lines + n > total:
            continue
        pool.append((path.relative_to(root).as_posix(), text))
        lines += n
    return pool


def cut_modules(pool: Sequence[tuple[str, str]], size: int) -> list[str]:
    """Concatenate the pool's files into modules of at most ``size`` lines each."""
    modules: list[str] = []
    current: list[str] = []
    lines = 0
    for _, text in pool:
        n = physical_lines(text)
        if current and lines + n > size:
            modules.append("".join(current))
            current, lines = [], 0
        current.append(text)
        lines += n
    if current:
        modules.append("".join(current))
    return modules


def cmd_scale(root: Path, sizes: Sequence[int], runs: int, max_lines: int) -> dict[str, Any]:
    """Time checking the pool cut into modules of each size (see the module docstring).

    Raises:
        SystemExit: a generated module does not parse (the core would return [] at once,
            which would pass as a fast result).
    """
    settings = Settings()
    pool = build_pool(root, max(sizes), max_lines)
    by_size = {size: cut_modules(pool, size) for size in sizes}
    for size, modules in by_size.items():
        for i, text in enumerate(modules):
            try:
                ast.parse(text)
            except SyntaxError as exc:
                raise SystemExit(f"generated module {i} of size {size} does not parse: {exc}")
    for text in by_size[min(sizes)]:  # untimed pass: imports, dispatch table, caches
        check_source(text, "<pool>", settings)
    samples: dict[int, dict[str, list[float]]] = {
        s: {"cpu_s": [], "wall_s": [], "parse_cpu_s": []} for s in sizes}
    for _ in range(runs):
        for size, modules in by_size.items():
            name = f"<generated-{size}>"
            cpu0, wall0 = time.process_time(), time.perf_counter()
            for text in modules:
                check_source(text, name, settings)
            wall1, cpu1 = time.perf_counter(), time.process_time()
            for text in modules:  # the parser's share, for reading the curve
                with gc_paused():  # as `check_source` parses: collector paused, tree freed
                    tree = ast.parse(text)
                    del tree
            samples[size]["cpu_s"].append(cpu1 - cpu0)
            samples[size]["wall_s"].append(wall1 - wall0)
            samples[size]["parse_cpu_s"].append(time.process_time() - cpu1)
    pool_lines = sum(physical_lines(t) for _, t in pool)
    return {
        "seed": POOL_SEED, "max_file_lines": max_lines,
        "pool_files": len(pool), "pool_lines": pool_lines,
        "pool_paths": [p for p, _ in pool],
        "sizes": {
            str(size): {
                "modules": len(modules),
                "largest_module_lines": max(physical_lines(m) for m in modules),
                "mean_module_lines": pool_lines / len(modules),
                **samples[size],
            }
            for size, modules in by_size.items()
        },
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    corpus = sub.add_parser("corpus", help="check every .py file under DIR/django once")
    corpus.add_argument("root", type=Path)
    modules = sub.add_parser("modules", help="time check_source on each FILE")
    modules.add_argument("--runs", type=int, default=50)
    modules.add_argument("files", type=Path, nargs="+")
    scale = sub.add_parser("scale", help="time generated modules of growing size")
    scale.add_argument("--runs", type=int, default=5)
    scale.add_argument("--sizes", default="1000,2000,5000,10000,20000,50000")
    scale.add_argument("--max-file", type=int, default=1000)
    scale.add_argument("root", type=Path)
    args = parser.parse_args(argv)
    if getattr(args, "runs", 1) < 1:
        parser.error("--runs must be at least 1")
    if args.command == "scale":
        try:
            args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
        except ValueError:
            parser.error("--sizes takes comma-separated line counts")
        if not args.sizes or args.sizes[0] < 1:
            parser.error("--sizes takes positive line counts")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and print its JSON document."""
    args = parse_args(argv)
    if args.command == "corpus":
        doc = cmd_corpus(args.root)
    elif args.command == "modules":
        doc = cmd_modules(args.files, args.runs)
    else:
        doc = cmd_scale(args.root, args.sizes, args.runs, args.max_file)
    print(json.dumps(doc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
