"""Baselines: aisec-baseline records today's findings; both hosts then report only new ones,
across line shifts, and no source text reaches the file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, flake8_findings, pylint_findings, run_flake8, run_pylint

from aisec_shared import OptionError, Settings, check_source
from aisec_shared.baseline import main as baseline_main

NEW_FLAW = 'import requests\nrequests.get("https://10.0.0.7/health", verify=False)\n'


@pytest.fixture()
def app(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "vulnerable_app", tmp_path / "vulnerable_app")
    return tmp_path


def _write_baseline(root: Path) -> Path:
    out = root / ".aisec-baseline.json"
    proc = subprocess.run(
        [sys.executable, "-m", "aisec_shared.baseline", "vulnerable_app", "-o", str(out)],
        capture_output=True, text=True, cwd=root, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def test_round_trip_with_a_line_shift(app):
    baseline = _write_baseline(app)
    before = flake8_findings(run_flake8([app / "vulnerable_app"], cwd=app))
    assert sum(len(v) for v in before.values()) >= 10
    assert flake8_findings(run_flake8([app / "vulnerable_app"], f"--aisec-baseline={baseline}", cwd=app)) == {}
    settings = app / "vulnerable_app" / "settings.py"
    settings.write_text("# a new first line\nimport os\n\n" + settings.read_text(encoding="utf-8") + NEW_FLAW)
    new_line = settings.read_text(encoding="utf-8").count("\n")
    for found in (
        flake8_findings(run_flake8([app / "vulnerable_app"], f"--aisec-baseline={baseline}", cwd=app)),
        {k: [(m["line"],) for m in v] for k, v in
         pylint_findings(run_pylint([app / "vulnerable_app"], f"--aisec-baseline={baseline}", cwd=app)).items()},
    ):
        assert list(found) == [str(settings.resolve())]
        assert [row[0] for row in found[str(settings.resolve())]] == [new_line]


def test_changing_the_statement_makes_the_finding_new(app):
    baseline = _write_baseline(app)
    views = app / "vulnerable_app" / "ops.py"
    text = views.read_text(encoding="utf-8")
    assert "verify=False" in text
    views.write_text(text.replace("timeout=5, verify=False", "timeout=3, verify=False"), encoding="utf-8")
    found = flake8_findings(run_flake8([app / "vulnerable_app"], f"--aisec-baseline={baseline}", cwd=app))
    assert [code for rows in found.values() for _, _, code, _ in rows] == ["AIS602"]


def test_no_source_text_in_the_baseline(app):
    baseline = _write_baseline(app)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["fingerprints"]) >= 10
    assert all(len(fp) == 64 for fp in data["fingerprints"])
    text = baseline.read_text(encoding="utf-8")
    assert "vulnerable_app" not in text and "SECRET" not in text


def test_a_bad_baseline_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(OptionError, match="aisec-baseline"):
        Settings.from_mapping({"aisec_baseline": str(bad)})
    with pytest.raises(OptionError, match="cannot read"):
        Settings.from_mapping({"aisec_baseline": str(tmp_path / "missing.json")})
    proc = run_flake8([tmp_path], f"--aisec-baseline={bad}")
    assert "Traceback" not in proc.stderr and "aisec-baseline" in proc.stderr


def test_console_script_options(tmp_path, capsys):
    src = tmp_path / "m.py"
    src.write_text('import requests\nrequests.get("https://x", verify=False)\n', encoding="utf-8")
    out = tmp_path / "b.json"
    assert baseline_main([str(tmp_path), "-o", str(out), "--aisec-min-confidence=high"]) == 0
    assert "1 findings in 1 files" in capsys.readouterr().out
    settings = Settings.from_mapping({"aisec_baseline": str(out)})
    assert check_source(src.read_text(encoding="utf-8"), str(src), settings) == []


def test_console_script_refuses_a_missing_path(tmp_path, capsys):
    out = tmp_path / "b.json"
    with pytest.raises(SystemExit) as exc:
        baseline_main([str(tmp_path / "nonexist"), "-o", str(out)])
    assert exc.value.code == 2 and not out.exists()
    assert "no such file or directory" in capsys.readouterr().err
