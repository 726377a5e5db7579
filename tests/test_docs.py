"""Generated docs are current, and every rule's Example flags while Use instead is clean."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from aisec_shared import RULES, Settings, check_source
from aisec_shared.docs import rule_doc

DOCUMENTED = [c for c in RULES if c != "AIS000"]


def _settings(code: str) -> Settings:
    """Default rules plus the rule under test (opt-in rules run only when enabled)."""
    return Settings(strict=True, enable=(code,))


def test_generated_docs_are_current():
    proc = subprocess.run(
        [sys.executable, "-m", "aisec_shared.docs", "--check", "--root", str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("code", DOCUMENTED)
def test_example_is_flagged(code):
    blocks = rule_doc(RULES[code]).code_blocks("Example")
    found = [f.code for block in blocks for f in check_source(block, "example.py", _settings(code))]
    assert code in found


@pytest.mark.parametrize("code", DOCUMENTED)
def test_use_instead_is_clean(code):
    blocks = rule_doc(RULES[code]).code_blocks("Use instead")
    assert blocks
    for block in blocks:
        assert check_source(block, "use_instead.py", _settings(code)) == []


def test_generated_tables_have_one_cell_per_column():
    """A ``|`` in a rule's summary or an option's help (``html|template``) is escaped in the
    generated Markdown tables, so no row has more cells than its header."""
    import re

    from aisec_shared import docs

    def cells(row: str) -> int:
        return len(re.findall(r"(?<!\\)\|", row))

    for table in (docs.render_options_table(), docs.render_readme_table()):
        rows = [line for line in table.splitlines() if line.startswith("|")]
        assert len(rows) > 3
        assert all(cells(row) == cells(rows[0]) for row in rows), [r for r in rows if cells(r) != cells(rows[0])]
    assert "html\\|template" in docs.render_options_table()
