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
