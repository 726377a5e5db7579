"""Every fixture through the core, flake8 and pylint: the same findings, where annotated."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from annotations import expected
from conftest import FIXTURE_FILES, fixture_settings

from aisec_shared import RULES, check_source
from aisec_shared.registry import by_symbol

STEMS = [f.stem for f in FIXTURE_FILES]


def _rule_of(stem: str):
    module = stem.split("__")[0]
    return next(r for r in RULES.values() if r.module == module)


def _core(path: Path, src: str, **kw):
    return check_source(src, str(path), fixture_settings(src), **kw)


@pytest.mark.parametrize("stem", STEMS)
def test_core_matches_annotations(stem, materialized):
    path, src = materialized[stem]
    got = Counter((f.line, RULES[f.code].symbol) for f in _core(path, src))
    assert got == expected(src)


@pytest.mark.parametrize("stem", STEMS)
def test_core_with_only_its_rule(stem, materialized):
    """Run with only the fixture's own rule: exactly that rule's annotations."""
    path, src = materialized[stem]
    rule = _rule_of(stem)
    # The suppression rules judge comments against the findings of the rules that ran.
    only = None if rule.code in ("AIS001", "AIS002") else [rule.code]
    got = Counter((f.line, RULES[f.code].symbol) for f in _core(path, src, only=only) if f.code == rule.code)
    want = Counter({k: v for k, v in expected(src).items() if k[1] == rule.symbol})
    # Alone, the rule also reports where a rule that supersedes it won in the full run.
    winners = {r.symbol for r in RULES.values() if rule.code in r.supersedes}
    beaten = {line for (line, sym) in expected(src) if sym in winners}
    assert got - want == Counter({k: v for k, v in (got - want).items() if k[0] in beaten})
    assert want - got == Counter()
    assert want, f"fixture {stem} flags nothing for {rule.code}"


@pytest.mark.parametrize("stem", STEMS)
def test_flake8_matches_annotations(stem, materialized, flake8_run):
    path, src = materialized[stem]
    got = Counter((line, code) for line, _col, code, _msg in flake8_run.get(str(path), []))
    want = Counter({(line, by_symbol(sym).code): n for (line, sym), n in expected(src).items()})
    assert got == want


@pytest.mark.parametrize("stem", STEMS)
def test_pylint_matches_annotations(stem, materialized, pylint_run):
    path, src = materialized[stem]
    got = Counter((m["line"], m["symbol"]) for m in pylint_run.get(str(path), []))
    assert got == expected(src)


@pytest.mark.parametrize("stem", STEMS)
def test_hosts_agree_with_core_in_detail(stem, materialized, flake8_run, pylint_run):
    """Both hosts carry the core's positions, messages and (pylint) confidence unchanged."""
    path, src = materialized[stem]
    core = _core(path, src)
    confidence = {"high": "HIGH", "medium": "INFERENCE", "low": "INFERENCE_FAILURE"}
    want_pylint = sorted(
        (f.line, f.col, f.end_line, f.end_col, RULES[f.code].symbol, RULES[f.code].msgid, f.message,
         confidence[f.confidence.value])
        for f in core
    )
    got_pylint = sorted(
        (m["line"], m["column"], m["endLine"], m["endColumn"], m["symbol"], m["messageId"], m["message"],
         m["confidence"])
        for m in pylint_run.get(str(path), [])
    )
    assert got_pylint == want_pylint
    # flake8 shows 1-based columns.
    want_flake8 = sorted((f.line, f.col + 1, f.code, f.message) for f in core)
    assert sorted(flake8_run.get(str(path), [])) == want_flake8


SNAPSHOTS = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("stem", STEMS)
def test_snapshot(stem, materialized):
    """Columns, end positions, confidence and (masked) messages, as pylint's .txt files hold them.

    Regenerate after a deliberate change with ``AISEC_UPDATE_SNAPSHOTS=1 python -m pytest``.
    """
    path, src = materialized[stem]
    rows = [
        f"{f.code}:{f.line}:{f.col}:{f.end_line}:{f.end_col}:{RULES[f.code].symbol}:{f.confidence.value}:{f.message}"
        for f in _core(path, src)
    ]
    text = "\n".join(rows) + "\n"
    snap = SNAPSHOTS / f"{stem}.txt"
    if os.environ.get("AISEC_UPDATE_SNAPSHOTS"):
        snap.write_text(text, encoding="utf-8")
    assert snap.exists(), f"missing snapshot {snap.name}: run with AISEC_UPDATE_SNAPSHOTS=1"
    assert text == snap.read_text(encoding="utf-8")


def test_no_full_secret_in_any_message(materialized):
    """A finding never prints a secret: no test credential appears in any message."""
    from annotations import TEST_KEYS

    for path, src in materialized.values():
        for f in _core(path, src):
            for key in TEST_KEYS.values():
                if not key.startswith("-----"):
                    assert key not in f.message
            assert "Pg9-prod-Kx72vd" not in f.message
