#!/usr/bin/env python3
"""Where a host's run spends its CPU time, with and without aisec-lint: a diagnosis of
figures 1 and 3, not one of them.

Runs one host in this process, on the ``django/`` package under ``DIR`` (the benchmark's
cache by default), with the stages wrapped in ``time.process_time`` and the garbage
collector's passes timed through ``gc.callbacks``. Prints one line on stderr (the host's own
report goes to stdout, which you may discard). Run it with the Python of the benchmark's
virtual environments, where the hosts and, in ``venv-aisec``, the plugin are installed.

``flake8 [--no-plugin]``
    ``flake8 --isolated -j1 --exit-zero django``, as figure 1 runs it. Prints the total, the
    AST stage (flake8's ``FileChecker.run_ast_checks``: building the tree, aisec-lint's
    ``run()``, the other tree plugins), the token stage (``process_tokens``: pycodestyle),
    the rest, and the collector's time and passes per generation (the collector runs inside
    the stages, so its time is part of theirs). ``--no-plugin`` makes the plugin's ``run()``
    return at once where it is installed (in ``venv-base`` it is not installed at all).

``pylint``
    ``pylint --rcfile=/dev/null --persistent=n -j1 --exit-zero --load-plugins=pylint_aisec
    django``, as figure 3 runs it. Prints the total and the time aisec-lint's checkers took (reading,
    parsing and checking each module once).

Usage::

    C=benchmarks/.cache
    $C/venv-base/bin/python benchmarks/host_stages.py flake8 > /dev/null
    $C/venv-aisec/bin/python benchmarks/host_stages.py flake8 > /dev/null
    $C/venv-aisec/bin/python benchmarks/host_stages.py pylint > /dev/null

Alternate the two flake8 runs a few times: one pair is as noisy as one round of figure 1.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

# The benchmark's own pins, cache and host options (this script sits beside it).
from bench_django import DEFAULT_CACHE, DJANGO_VERSION, FLAKE8_OPTIONS, PYLINT_OPTIONS

DEFAULT_DIR = DEFAULT_CACHE / f"django-{DJANGO_VERSION}"

clock = time.process_time


class Stages:
    """CPU seconds by stage name, and the collector's passes and seconds per generation."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.gc_passes = [0, 0, 0]
        self.gc_seconds = [0.0, 0.0, 0.0]
        self._gc_start = 0.0

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        """Replace ``owner.name`` (a function or method) by one that adds its CPU time to
        `stage`."""
        inner: Callable[..., Any] = getattr(owner, name)
        self.seconds.setdefault(stage, 0.0)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[stage] += clock() - start

        setattr(owner, name, timed)

    def watch_gc(self) -> None:
        """Time every pass of the collector from now on."""

        def callback(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                self._gc_start = clock()
            else:
                generation = info["generation"]
                self.gc_passes[generation] += 1
                self.gc_seconds[generation] += clock() - self._gc_start

        gc.callbacks.append(callback)

    def gc_report(self) -> str:
        return " ".join(f"gen{g} {n} passes {s:.2f} s" for g, (n, s) in enumerate(zip(self.gc_passes, self.gc_seconds)))


def run_flake8(directory: Path, plugin: bool) -> str:
    from flake8 import checker
    from flake8.main.cli import main as flake8_main
    from flake8.processor import FileProcessor

    stages = Stages()
    try:
        import flake8_aisec
    except ImportError:  # not installed (venv-base): plain flake8
        plugin, installed = False, False
    else:
        installed = True
    if plugin:
        # run() is a generator: time it as flake8 drains it, inside the AST stage.
        original = flake8_aisec.AisecChecker.run

        def run(self: Any) -> Any:
            start = clock()
            found = list(original(self))
            stages.seconds["aisec"] += clock() - start
            return iter(found)

        stages.seconds["aisec"] = 0.0
        flake8_aisec.AisecChecker.run = run  # type: ignore[method-assign]
    elif installed:  # flake8 still loads the plugin and makes its checker: run() does nothing
        flake8_aisec.AisecChecker.run = lambda self: iter(())  # type: ignore[method-assign]
    stages.wrap(checker.FileChecker, "run_ast_checks", "ast")
    stages.wrap(checker.FileChecker, "process_tokens", "tokens")
    stages.wrap(FileProcessor, "build_ast", "build")
    args = [*FLAKE8_OPTIONS, "django"]
    os.chdir(directory)
    stages.watch_gc()
    start = clock()
    try:
        flake8_main(args)
    except SystemExit:
        pass
    total = clock() - start
    s = stages.seconds
    ours = s.get("aisec", 0.0)
    other_tree = s["ast"] - s["build"] - ours
    rest = total - s["ast"] - s["tokens"]
    label = "flake8 + aisec-lint" if plugin else "flake8, aisec-lint loaded but idle" if installed else "flake8"
    return (f"{label}: total {total:.2f} s; AST stage {s['ast']:.2f} s (build {s['build']:.2f}, "
            f"aisec-lint {ours:.2f}, other tree plugins {other_tree:.2f}); token stage "
            f"{s['tokens']:.2f} s; rest {rest:.2f} s; collector {stages.gc_report()}")


def run_pylint(directory: Path) -> str:
    import pylint_aisec
    from pylint.lint import Run

    stages = Stages()
    stages.wrap(pylint_aisec._Run, "findings", "aisec")
    os.chdir(directory)
    stages.watch_gc()
    start = clock()
    try:
        Run([*PYLINT_OPTIONS, "--load-plugins=pylint_aisec", "django"], exit=False)
    except SystemExit:
        pass
    total = clock() - start
    return (f"pylint + aisec-lint: total {total:.2f} s; aisec-lint {stages.seconds['aisec']:.2f} s; "
            f"collector {stages.gc_report()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("host", choices=("flake8", "pylint"))
    parser.add_argument("--no-plugin", action="store_true", help="flake8 without aisec-lint")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR,
                        help="directory holding django/ (default: the benchmark's cache)")
    args = parser.parse_args(argv)
    directory = args.dir.resolve()
    if not (directory / "django").is_dir():
        parser.error(f"{directory / 'django'} is missing: run bench_django.py once first")
    if args.host == "flake8":
        line = run_flake8(directory, plugin=not args.no_plugin)
    else:
        line = run_pylint(directory)
    print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
