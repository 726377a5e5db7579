"""Shared test setup: strict mode, materialised fixtures, and one run of each host.

Strict mode (``AISEC_STRICT=1``) is set before anything imports the core, and inherited by
the flake8 and pylint subprocesses: an internal error or an unknown node type fails the test.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

os.environ["AISEC_STRICT"] = "1"

from annotations import materialize  # noqa: E402

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))
EXAMPLES = ROOT / "examples"


def parsed_sources(paths: list[Path]) -> list[tuple[Path, str, ast.Module]]:
    """``(path, text, tree)`` of each file that this Python parses, in the order given (a
    case in a newer grammar is left out): for the tests that hold a shortcut against the
    full computation over every fixture, case or example."""
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")  # noqa: AIS407 the repository's own test files
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        out.append((path, text, tree))
    return out


def run_flake8(paths: list[Path], *extra: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """flake8 as users run it (isolated from any config), AIS codes only unless overridden."""
    cmd = [sys.executable, "-m", "flake8", "--isolated", "-j1", "--select=AIS",
           "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s", *extra, *map(str, paths)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, check=False)


def flake8_findings(proc: subprocess.CompletedProcess) -> dict[str, list[tuple[int, int, str, str]]]:
    """``{path: [(line, col, code, message)]}`` from `run_flake8` output."""
    out: dict[str, list] = {}
    for line in proc.stdout.splitlines():
        path, row, col, code, text = line.split("\t", 4)
        out.setdefault(str(Path(path).resolve()), []).append((int(row), int(col), code, text))
    return out


def run_pylint(paths: list[Path], *extra: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """pylint as users run it, with only this suite enabled, json2 output (has confidence)."""
    cmd = [sys.executable, "-m", "pylint", "--rcfile=/dev/null", "--persistent=n", "-j1", "--score=n",
           "--load-plugins=pylint_aisec", "--disable=all", "--enable=aisec", "--output-format=json2",
           *extra, *map(str, paths)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, check=False)


def pylint_findings(proc: subprocess.CompletedProcess) -> dict[str, list[dict]]:
    """``{path: [message dict]}`` from `run_pylint` JSON output."""
    out: dict[str, list] = {}
    for msg in json.loads(proc.stdout or "{}").get("messages", []):
        out.setdefault(str(Path(msg["absolutePath"]).resolve()), []).append(msg)
    return out


@pytest.fixture(scope="session")
def materialized(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """``{fixture stem: (path of the materialised copy, source)}``."""
    root = tmp_path_factory.mktemp("fixtures")
    out = {}
    for f in FIXTURE_FILES:
        src = materialize(f.read_text(encoding="utf-8"))
        target = root / f.name
        target.write_text(src, encoding="utf-8")
        out[f.stem] = (target.resolve(), src)
    return out


_OPTIONS_LINE = re.compile(r"^# aisec-test-options:(.*)$", re.MULTILINE)


def fixture_options(src: str) -> tuple[str, ...]:
    """Host options a fixture asks for in a ``# aisec-test-options: --aisec-x=y ...`` line
    (for opt-in rules); the same options reach the core through `fixture_settings`."""
    m = _OPTIONS_LINE.search(src[:2000])
    return tuple(m.group(1).split()) if m else ()


def fixture_settings(src: str):
    """Strict core settings with the fixture's own options (see `fixture_options`)."""
    from aisec_shared import Settings

    values = {}
    for item in fixture_options(src):
        name, _, value = item.lstrip("-").partition("=")
        values[name] = value
    return Settings.from_mapping(values, strict=True)


def _by_options(materialized) -> dict[tuple[str, ...], list[Path]]:
    groups: dict[tuple[str, ...], list[Path]] = {}
    for path, src in materialized.values():
        groups.setdefault(fixture_options(src), []).append(path)
    return groups


@pytest.fixture(scope="session")
def flake8_run(materialized):
    out: dict = {}
    for options, paths in _by_options(materialized).items():
        proc = run_flake8(paths, *options)
        assert "Traceback" not in proc.stderr, proc.stderr
        out.update(flake8_findings(proc))
    return out


@pytest.fixture(scope="session")
def pylint_run(materialized):
    out: dict = {}
    for options, paths in _by_options(materialized).items():
        proc = run_pylint(paths, *options)
        assert "Traceback" not in proc.stderr, proc.stderr
        out.update(pylint_findings(proc))
    return out


@contextlib.contextmanager
def broken_call_check(monkeypatch, rule, name: str = "check_call"):
    """Within the block, the rule module's Call check `name` raises RuntimeError("boom") on
    every call it is dispatched to (the same callees as the real one), and the engine's
    dispatch caches are rebuilt on entry and on exit."""
    from aisec_shared.engine import clear_caches

    real = getattr(rule, name)

    def broken(node, ctx):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    broken.__aisec_node_types__ = (ast.Call,)
    broken.__aisec_callees__ = real.__aisec_callees__  # dispatched to the same calls
    broken.__module__ = rule.__name__
    monkeypatch.setattr(rule, name, broken)
    clear_caches()
    try:
        yield
    finally:
        monkeypatch.undo()
        clear_caches()
