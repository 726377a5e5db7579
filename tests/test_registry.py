"""Registry invariants, the append-only identifier snapshot, and the core's independence."""

from __future__ import annotations

import ast
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_FILES, ROOT

from aisec_shared import FAMILIES, OPTIONS, RULES
from aisec_shared.docs import HEADINGS, rule_doc
from aisec_shared.registry import CODE_RE, MSGID_LETTER, SYMBOL_RE

SNAPSHOT = Path(__file__).parent / "identifiers.json"


def test_identifiers_are_unique_and_well_formed():
    rules = list(RULES.values())
    for key in ("code", "msgid", "symbol"):
        values = [getattr(r, key) for r in rules]
        assert len(values) == len(set(values)), f"duplicate {key}"
    for r in rules:
        assert CODE_RE.match(r.code), r.code
        assert SYMBOL_RE.match(r.symbol), r.symbol
        assert re.fullmatch(r"[CRWEFI]\d{4}", r.msgid), r.msgid
        assert r.msgid[0] == MSGID_LETTER
        assert r.msgid[1:3] == str(r.family.checker_id)
        assert r.msgid[3:] == r.code[4:]


def test_family_checker_ids_are_distinct_and_end_in_the_family_digit():
    ids = [f.checker_id for f in FAMILIES.values()]
    assert len(ids) == len(set(ids))
    for f in FAMILIES.values():
        assert f.checker_id % 10 == f.digit
        assert 52 <= f.checker_id <= 98 and f.checker_id not in (55, 56, 59, 60, 61, 62, 63, 64, 69, 77, 80, 81, 82, 83, 84, 90)


def test_templates_take_string_arguments():
    for r in RULES.values():
        n = len(re.findall(r"%[sdr]", r.template))
        assert "%" not in r.template.replace("%s", "").replace("%d", "").replace("%r", ""), r.code
        assert r.template % tuple("x" * n)  # formats with n arguments
        assert r.summary.startswith("Used when "), r.code


def test_metadata_is_complete():
    for r in RULES.values():
        if r.code == "AIS000":
            continue
        assert r.cwe, r.code
        if r.family.digit == 0:  # tool messages (suppression hygiene) have no OWASP category
            assert r.owasp == "", r.code
            continue
        assert re.fullmatch(r"A(0[1-9]|10)", r.owasp), r.code
        assert r.owasp_nhi == "" or re.fullmatch(r"NHI(10|[1-9])", r.owasp_nhi)
        for other in r.supersedes:
            assert other in RULES


def test_options_are_prefixed():
    for opt in OPTIONS:
        assert opt.name.startswith("aisec-")
        assert opt.help


def test_identifier_snapshot_is_append_only():
    """An existing (code, msgid, symbol) row never changes; new rules are appended."""
    rows = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for row in rows:
        assert row["code"] in RULES, f"{row['code']} was removed"
        rule = RULES[row["code"]]
        renamed = (row["msgid"], row["symbol"]) in rule.old_names
        assert renamed or (rule.msgid, rule.symbol) == (row["msgid"], row["symbol"]), row
    listed = {row["code"] for row in rows}
    missing = [c for c in RULES if c not in listed]
    assert not missing, f"append {missing} to tests/identifiers.json"


@pytest.mark.parametrize("code", list(RULES))
def test_docs_have_every_heading_in_order(code):
    doc = rule_doc(RULES[code])
    assert list(doc.sections) == list(HEADINGS), code
    assert doc.title.startswith(f"{code} {RULES[code].symbol}:"), doc.title
    if code != "AIS000":
        refs = doc.sections["References"].splitlines()
        assert refs[0].startswith(f"- [CWE-{RULES[code].cwe[0]}"), "References start with the CWE"
        assert doc.code_blocks("Example") and doc.code_blocks("Use instead")


@pytest.mark.parametrize("code", [c for c in RULES if c != "AIS000"])
def test_every_rule_has_a_fixture(code):
    module = RULES[code].module
    assert any(f.stem.split("__")[0] == module for f in FIXTURE_FILES), code


def test_core_imports_only_the_standard_library():
    """Statically: no import of flake8, pylint or astroid anywhere in shared/."""
    forbidden = {"flake8", "pylint", "astroid"}
    stdlib = set(sys.stdlib_module_names)
    for path in (ROOT / "shared").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                assert top not in forbidden, f"{path}: imports {name}"
                assert top in stdlib or top == "__future__", f"{path}: imports non-stdlib {name}"


def test_core_loads_without_hosts():
    """At run time: importing and running the core pulls in no host module."""
    code = (
        "import sys, aisec_shared\n"
        "from aisec_shared import check_source, Settings\n"
        "check_source('x = 1\\n', 'x.py', Settings())\n"
        "bad = [m for m in ('flake8', 'pylint', 'astroid') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_symbol_alphabet():
    """pylint silently ignores annotations on symbols with digits: keep to letters and hyphens."""
    for r in RULES.values():
        assert set(r.symbol) <= set(string.ascii_lowercase + "-")
