"""The same input gives the same findings, in the same order, however the hosts run it.

A multi-file corpus (the vulnerable example app and a few fixtures from every rule family, in
one directory) goes through:

- flake8 with one job and with two (worker processes): flake8 sorts files by name and each
  file's findings by line and column, so the two outputs must be the same text;
- pylint with one job and with two: pylint hands each file to a worker and replays its
  messages in the main process, so each file's message sequence must be the same (pylint
  today also keeps the input file order, through ``executor.map``, but does not document it;
  the test compares per file);
- the core twice, in separate interpreters with different ``PYTHONHASHSEED`` values: the
  output must be byte-identical, so no finding depends on set or dict iteration order of
  strings.

Each pair also runs under different hash seeds, and every rule runs (opt-in families
enabled, every confidence), so a finding that depends on what another file left in a cache,
or on hash order, shows up as a difference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, flake8_findings, pylint_findings, run_flake8, run_pylint

from aisec_shared.registry import by_symbol

# Opt-in rules (AIS0xx suppression audits, AIS9xx review aids) and low confidence too: every
# rule gets its chance to be nondeterministic.
HOST_OPTIONS = ("--aisec-enable=AIS0,AIS9", "--aisec-min-confidence=low")
CORE_OPTIONS = {"aisec-enable": "AIS0,AIS9", "aisec-min-confidence": "low"}
# A few fixtures per family, chosen for many findings and for the analyses they exercise
# (taint across functions, frameworks, cloud policies, suppression comments, review aids).
FIXTURES = (
    "ais002_unused_suppression",
    "ais101_hardcoded_secret",
    "ais102_hardcoded_provider_key",
    "ais204_insecure_cookie",
    "ais301_missing_authentication",
    "ais304_insecure_direct_object_reference__django",
    "ais401_sql_injection",
    "ais402_command_injection",
    "ais406_cross_site_scripting",
    "ais705_overly_permissive_iam_policy",
    "ais801_model_output_to_sink",
    "ais902_token_handling",
)
# The core run in a fresh interpreter: every finding with every field, files in sorted order.
CORE_SCRIPT = """
import sys
from pathlib import Path
from aisec_shared import Settings, check_source
settings = Settings.from_mapping(dict(a.split("=", 1) for a in sys.argv[2:]), strict=True)
root = Path(sys.argv[1])
for path in sorted(root.rglob("*.py")):
    for f in check_source(path.read_bytes(), str(path.relative_to(root)), settings):
        print(path.relative_to(root), f.line, f.col, f.end_line, f.end_col, f.code,
              f.confidence.value, f.message, sep="\\t")
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, materialized) -> tuple[Path, list[Path]]:
    """``(root, files)``: the example app and the chosen fixtures, outside any tests/ path."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES / "vulnerable_app", root / "vulnerable_app")
    for stem in FIXTURES:
        path, src = materialized[stem]
        (root / path.name).write_text(src, encoding="utf-8")
    return root, sorted(p.resolve() for p in root.rglob("*.py"))


def _env(seed: int) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": str(seed)}


def _run(runner, files: list[Path], *extra: str, seed: int) -> subprocess.CompletedProcess:
    """`runner` (conftest's `run_flake8` or `run_pylint`, which inherit the environment) over
    `files` with every rule on, under hash seed `seed`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHONHASHSEED", str(seed))
        proc = runner(files, *HOST_OPTIONS, *extra)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def flake8_runs(corpus) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """flake8 over the corpus with one job and with two, under different hash seeds."""
    _root, files = corpus
    return _run(run_flake8, files, "-j1", seed=1), _run(run_flake8, files, "-j2", seed=2)


@pytest.fixture(scope="module")
def pylint_runs(corpus) -> tuple[dict, dict]:
    """pylint over the corpus with one job and with two, under different hash seeds."""
    _root, files = corpus
    return (pylint_findings(_run(run_pylint, files, "-j1", seed=3)),
            pylint_findings(_run(run_pylint, files, "-j2", seed=4)))


def test_flake8_one_job_and_two_jobs_print_the_same_text(flake8_runs):
    serial, parallel = flake8_runs
    assert serial.returncode == parallel.returncode == 1
    assert parallel.stdout == serial.stdout
    found = flake8_findings(serial)
    assert len(found) >= len(FIXTURES) and sum(map(len, found.values())) > 100  # a real corpus


def test_pylint_one_job_and_two_jobs_give_the_same_sequence_per_file(pylint_runs):
    serial, parallel = pylint_runs
    assert sorted(parallel) == sorted(serial)
    for path, messages in serial.items():
        assert parallel[path] == messages, path
    assert len(serial) >= len(FIXTURES) and sum(map(len, serial.values())) > 100


def test_both_hosts_report_the_same_findings(flake8_runs, pylint_runs):
    """Same positions and codes in each file. (Within a file flake8 orders by position, while
    pylint reports one family checker after another, so only the sets are compared.)"""
    f8 = flake8_findings(flake8_runs[0])
    pl = pylint_runs[0]
    assert sorted(f8) == sorted(pl)
    for path, rows in f8.items():
        from_pylint = sorted((m["line"], m["column"], by_symbol(m["symbol"]).code) for m in pl[path])
        assert from_pylint == sorted((line, col - 1, code) for line, col, code, _text in rows), path


def test_core_output_is_byte_identical_under_different_hash_seeds(corpus):
    root, _files = corpus
    argv = [sys.executable, "-c", CORE_SCRIPT, str(root), *(f"{k}={v}" for k, v in CORE_OPTIONS.items())]
    runs = [subprocess.run(argv, capture_output=True, env=_env(seed), check=False) for seed in (0, 1, 2**32 - 1)]
    for proc in runs:
        assert proc.returncode == 0 and not proc.stderr, proc.stderr.decode(errors="replace")
    assert runs[0].stdout.count(b"\n") > 100
    assert runs[1].stdout == runs[0].stdout
    assert runs[2].stdout == runs[0].stdout
