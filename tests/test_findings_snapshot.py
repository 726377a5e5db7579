"""benchmarks/findings_snapshot.py: the record a speed change must leave unchanged.

The script is not part of the package; it is loaded from its file.
"""

from __future__ import annotations

import importlib.util
import io
import sys

import pytest
from conftest import EXAMPLES, ROOT

from aisec_shared import Settings, check_source
from aisec_shared.findings import Confidence


@pytest.fixture(scope="module")
def snapshot():
    spec = importlib.util.spec_from_file_location("findings_snapshot", ROOT / "benchmarks" / "findings_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["findings_snapshot"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("findings_snapshot", None)


def test_every_finding_at_every_confidence_one_line_each(snapshot, tmp_path):
    app = EXAMPLES / "vulnerable_app"
    out = io.StringIO()
    files, count = snapshot.write_snapshot(snapshot.python_files([str(app)]), out)
    lines = out.getvalue().splitlines()
    expected = []
    everything = Settings(min_confidence=Confidence.LOW, enable=("AIS",))
    for path in sorted(app.rglob("*.py")):
        for f in check_source(path.read_bytes(), str(path), everything):
            expected.append(f"{path}:{f.line}:{f.col}:{f.code}:{f.confidence.value}:{f.args}")
    assert files == len(list(app.rglob("*.py")))
    assert count == len(lines) == len(expected) > 0
    assert lines == expected
    # Opt-in rules and low-confidence findings are in: more than the default settings report.
    default = sum(len(check_source(p.read_bytes(), str(p), Settings())) for p in sorted(app.rglob("*.py")))
    assert count >= default


def test_a_file_the_parser_rejects_has_no_line(snapshot, tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(:\n", encoding="utf-8")
    secret = tmp_path / "secret.py"
    secret.write_text('password = "hunter2-but-longer"\n', encoding="utf-8")
    out = io.StringIO()
    assert snapshot.write_snapshot([bad, secret], out) == (2, 1)
    assert out.getvalue().startswith(f"{secret}:1:")


def test_main_writes_the_file_and_a_second_run_is_identical(snapshot, tmp_path, capsys):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    assert snapshot.main([str(first), str(EXAMPLES)]) == 0
    assert snapshot.main([str(second), str(EXAMPLES)]) == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") != ""
    assert "files" in capsys.readouterr().err
