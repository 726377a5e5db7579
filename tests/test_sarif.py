"""SARIF 2.1.0 output from both hosts: schema-valid, rule metadata from the registry, end
positions from pylint, and no secret text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, TESTS

from aisec_shared import RULES

SCHEMA = json.loads((TESTS / "data" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sarif")
    shutil.copytree(EXAMPLES / "vulnerable_app", root / "vulnerable_app")
    return root


def _flake8_sarif(cwd: Path, *extra: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=AIS,E9", "--format=aisec-sarif", *extra, "vulnerable_app"],
        capture_output=True, text=True, cwd=cwd, check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


def _pylint_sarif(cwd: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", "--rcfile=/dev/null", "--persistent=n", "--load-plugins=pylint_aisec",
         "--disable=all", "--enable=aisec,unused-import", "--output-format=aisec-sarif", "vulnerable_app"],
        capture_output=True, text=True, cwd=cwd, check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


def _check_log(log: dict) -> list[dict]:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert results
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
    for rule in rules:
        meta = RULES.get(rule["id"])
        if meta is None:
            continue
        assert rule["name"] == meta.symbol
        assert rule["helpUri"] == meta.docs_url
        assert float(rule["properties"]["security-severity"]) > 0
        for cwe in meta.cwe:
            assert f"external/cwe/cwe-{cwe}" in rule["properties"]["tags"]
    return results


def test_flake8_sarif_is_valid_and_complete(app):
    results = _check_log(_flake8_sarif(app))
    assert {r["ruleId"] for r in results} >= {"AIS101", "AIS401", "AIS602"}
    assert all("endLine" not in r["locations"][0]["physicalLocation"]["region"] for r in results)


def test_flake8_sarif_to_an_output_file(app):
    out = app / "reports" / "aisec.sarif"
    _ = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=AIS", "--format=aisec-sarif",
         f"--output-file={out}", "vulnerable_app"], capture_output=True, text=True, cwd=app, check=False,
    )
    first = out.read_text(encoding="utf-8")
    _ = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=AIS", "--format=aisec-sarif",
         f"--output-file={out}", "vulnerable_app"], capture_output=True, text=True, cwd=app, check=False,
    )
    assert out.read_text(encoding="utf-8") == first  # replaced, not appended
    _check_log(json.loads(first))


def test_pylint_sarif_has_end_positions_and_other_messages(app):
    results = _check_log(_pylint_sarif(app))
    ours = [r for r in results if r["ruleId"].startswith("AIS")]
    assert ours and all("endColumn" in r["locations"][0]["physicalLocation"]["region"] for r in ours)
    assert all(r["properties"]["confidence"] in ("high", "medium", "low") for r in ours)


def test_hosts_report_the_same_aisec_results(app):
    def key(log):
        return sorted(
            (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["message"]["text"])
            for r in log["runs"][0]["results"] if r["ruleId"].startswith("AIS")
        )
    assert key(_flake8_sarif(app)) == key(_pylint_sarif(app))


def test_no_secret_text_in_sarif(app):
    text = json.dumps(_flake8_sarif(app)) + json.dumps(_pylint_sarif(app))
    source = "".join(p.read_text(encoding="utf-8") for p in (app / "vulnerable_app").glob("*.py"))
    import re

    for literal in re.findall(r'"([A-Za-z0-9_\-]{12,})"', source):
        if any(ch.isdigit() for ch in literal):
            assert literal not in text


def test_the_schema_catches_mistakes():
    from aisec_shared.sarif import SarifResult, sarif_log

    log = sarif_log([SarifResult("a.py", 3, 4, "AIS101", "m")], tool_name="t", tool_version="1")
    _check_log(log)
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)
    log = sarif_log([SarifResult("a.py", 3, 4, "AIS101", "m")], tool_name="t", tool_version="1")
    log["runs"][0]["results"][0]["snippet"] = "text"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)
