"""Suppression comments: the core's statement-scoped ``# noqa``, each host's own suppression
behaviour, and the opt-in suppression rules (AIS001, AIS002) where fixtures cannot reach."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import broken_call_check, flake8_findings, pylint_findings, run_flake8, run_pylint

from aisec_shared import Settings, check_source
from aisec_shared.suppression import parse_noqa

MULTI_LINE = textwrap.dedent("""\
    import requests


    def health(params):
        return requests.get(
            "https://10.0.0.7/health",
            params=params,
            verify=False,
        )  # noqa: AIS602 loopback sidecar, throwaway cert


    def remote(params):
        return requests.get("https://status.example.com", params=params, verify=False)
    """)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path.resolve()


def _flake8_lines(path: Path, *extra: str) -> list[tuple[int, str]]:
    return sorted((row[0], row[2]) for row in flake8_findings(run_flake8([path], *extra)).get(str(path), []))


def _pylint_lines(path: Path, *extra: str) -> list[tuple[int, str]]:
    return sorted((m["line"], m["symbol"]) for m in pylint_findings(run_pylint([path], *extra)).get(str(path), []))


def test_parse_noqa_reads_like_flake8():
    assert parse_noqa("# noqa", 1).codes == ()
    assert parse_noqa("# NOQA:AIS101,AIS602", 1).codes == ("AIS101", "AIS602")
    assert parse_noqa("# noqa: AIS101 test fixture key", 1).reason == "test fixture key"
    assert parse_noqa("# noqa:AIS", 1).codes == ()  # no digits: a blanket noqa, as in flake8
    assert parse_noqa("# nosec B501  # noqa - loopback", 1).reason == "loopback"
    assert parse_noqa("#noqa", 1) is None  # flake8 needs "# noqa"
    assert parse_noqa("# noqa: AIS1", 1).covers("AIS101")
    assert not parse_noqa("# noqa: AIS1", 1).covers("AIS602")
    assert not parse_noqa("# noqa: ais602", 1).covers("AIS602")  # codes compare case-sensitively


def test_core_applies_noqa_per_statement():
    lines = [f.line for f in check_source(MULTI_LINE, "m.py", Settings(strict=True))]
    assert lines == [13]


def test_flake8_and_pylint_honour_the_closing_line_noqa(tmp_path):
    path = _write(tmp_path, "multi.py", MULTI_LINE)
    assert _flake8_lines(path) == [(13, "AIS602")]
    assert _pylint_lines(path) == [(13, "tls-verification-disabled")]


def test_flake8_disable_noqa_turns_the_core_handling_off(tmp_path):
    path = _write(tmp_path, "multi.py", MULTI_LINE)
    assert _flake8_lines(path, "--disable-noqa") == [(8, "AIS602"), (13, "AIS602")]


def test_hosts_agree_before_suppression(tmp_path):
    """Parity on the findings before suppression: without noqa handling both report the same."""
    path = _write(tmp_path, "multi.py", MULTI_LINE.replace("# noqa: AIS602", "# reviewed"))
    assert [line for line, _ in _flake8_lines(path)] == [line for line, _ in _pylint_lines(path)] == [8, 13]


def test_noqa_inside_a_string_is_not_a_comment():
    src = 'import subprocess\nsubprocess.run(input(), shell=True, env={"T": "# noqa"})\n'
    assert [f.code for f in check_source(src, "s.py", Settings(strict=True))] == ["AIS402"]


def test_pylint_pragma_is_left_to_pylint_and_not_useless(tmp_path):
    path = _write(tmp_path, "p.py", textwrap.dedent("""\
        import requests

        A = requests.get("https://10.0.0.7", verify=False)  # noqa: AIS602  # pylint: disable=tls-verification-disabled
        """))
    assert _pylint_lines(path, "--enable=useless-suppression") == []


def test_bare_noqa_is_reported_under_flake8_with_disable_noqa(tmp_path):
    path = _write(tmp_path, "b.py", textwrap.dedent("""\
        import requests

        A = requests.get("https://10.0.0.7", verify=False)  # noqa
        B = requests.get("https://10.0.0.7", timeout=5)  # noqa
        """))
    # flake8 applies a bare noqa to AIS001 on its own line; --disable-noqa is the audit mode.
    assert _flake8_lines(path, "--aisec-enable=AIS001") == []
    assert _flake8_lines(path, "--aisec-enable=AIS001", "--disable-noqa", "--select=AIS001") == [(3, "AIS001")]
    assert _pylint_lines(path, "--aisec-enable=AIS001") == [(3, "unjustified-suppression")]


def test_opt_in_rules_are_off_by_default():
    src = 'import os\nKEY = os.environ["K"]  # noqa: AIS101\n'
    assert check_source(src, "o.py", Settings(strict=True)) == []
    assert [f.code for f in check_source(src, "o.py", Settings(strict=True, enable=("AIS0",)))] == ["AIS001", "AIS002"]


BELOW_THRESHOLD = textwrap.dedent("""\
    from flask import Flask

    app = Flask(__name__)

    if __name__ == "__main__":
        app.run(debug=True)  # noqa: AIS601 local demo server, never deployed
        x = 1  # noqa: AIS602 nothing here to suppress
    """)


def test_a_noqa_over_a_finding_below_the_threshold_is_not_stale(tmp_path):
    # AIS601 finds `app.run(debug=True)` at medium confidence under a __main__ guard. With the
    # threshold at high it is not reported, yet the comment is still in use: lowering the
    # threshold again would bring the finding back. The comment with nothing under it is stale.
    def core(conf: str) -> list[tuple[int, str, tuple]]:
        settings = Settings.from_mapping({"aisec_enable": ["AIS002"], "aisec_min_confidence": conf}, strict=True)
        return [(f.line, f.code, f.args) for f in check_source(BELOW_THRESHOLD, "b.py", settings)]

    plain = check_source(BELOW_THRESHOLD.replace("# noqa: AIS601", "#"), "b.py", Settings(strict=True))
    assert [(f.line, f.code, f.confidence.value) for f in plain] == [(6, "AIS601", "medium")]
    assert core("high") == [(7, "AIS002", ("AIS602",))]
    assert core("medium") == [(7, "AIS002", ("AIS602",))]
    path = _write(tmp_path, "below.py", BELOW_THRESHOLD)
    assert _flake8_lines(path, "--aisec-enable=AIS002", "--aisec-min-confidence=high") == [(7, "AIS002")]
    assert _pylint_lines(path, "--aisec-enable=AIS002", "--aisec-min-confidence=high") == [(7, "unused-suppression")]


def test_a_bare_noqa_over_a_finding_below_the_threshold_still_names_no_rule():
    # The bare comment covers AIS601's medium-confidence finding: AIS001 asks for the code at
    # any threshold, as AIS002 counts the comment in use at any threshold.
    src = BELOW_THRESHOLD.replace("# noqa: AIS601 local demo server, never deployed", "# noqa")
    for conf in ("medium", "high"):
        settings = Settings.from_mapping({"aisec_enable": ["AIS001"], "aisec_min_confidence": conf}, strict=True)
        assert [(f.line, f.code) for f in check_source(src, "b.py", settings)] == [(6, "AIS001")]


def test_an_allowlisted_secret_counts_the_same_at_every_threshold():
    # The detect-secrets pragma drops the AIS101 finding, so the noqa beside it covers nothing,
    # whether or not the finding is also below the threshold (found by a reviewer: at high the
    # hidden finding used to keep the comment in use).
    src = 'secret = "changeme-now-please"  # noqa: AIS101 reviewed  # pragma: allowlist secret\n'
    for conf in ("low", "medium", "high"):
        settings = Settings.from_mapping({"aisec_enable": ["AIS002"], "aisec_min_confidence": conf}, strict=True)
        assert [(f.line, f.code, f.args) for f in check_source(src, "s.py", settings)] == [(1, "AIS002", ("AIS101",))], conf


def test_a_rule_that_failed_or_was_left_out_leaves_its_suppressions_unjudged(monkeypatch, tmp_path):
    # A noqa comment for the prefix AIS6 names AIS601, whose finding is under it, and AIS602,
    # which finds nothing there. When AIS601 gives no answer (left out by the host, or failed),
    # the prefix is not judged: only the exact AIS602 comment on line 7 is stale (found by a
    # reviewer).
    from aisec_shared.engine import selected_codes
    from aisec_shared.rules import ais601_debug_mode_enabled as rule

    src = BELOW_THRESHOLD.replace("# noqa: AIS601 local demo server, never deployed", "# noqa: AIS6 local demo server")
    user = Settings.from_mapping({"aisec_enable": ["AIS002"], "aisec_min_confidence": "low"}, strict=False)
    assert [(f.line, f.code) for f in check_source(src, "b.py", user)] == [(7, "AIS002")]
    # Left out by the host, as pylint's --disable=debug-mode-enabled does.
    without = [c for c in selected_codes(user) if c != "AIS601"]
    assert [(f.line, f.code, f.args) for f in check_source(src, "b.py", user, only=without)] == [(7, "AIS002", ("AIS602",))]
    path = _write(tmp_path, "left_out.py", src)
    assert _pylint_lines(path, "--aisec-enable=AIS002", "--aisec-min-confidence=low", "--disable=debug-mode-enabled") == [
        (7, "unused-suppression")
    ]

    with broken_call_check(monkeypatch, rule):
        found = check_source(src, "b.py", user)
    assert [(f.line, f.code) for f in found] == [(1, "AIS000"), (7, "AIS002")]
    assert "AIS601" in found[0].message and found[1].args == ("AIS602",)


def test_a_noqa_on_a_line_joined_by_a_backslash_speaks_for_the_statement(tmp_path):
    # flake8 reads a backslash-continued comment line as part of the logical line; pylint and
    # the core follow (found by a break-it run). A backslash inside a comment joins nothing.
    src = (
        "import os\n"
        'PASSWORD = "Xk9mQ2vL7pR4zT8w" \\\n'
        "    # noqa: AIS101 fixture key\n"
        "os.system(input())\n"
        'TOKEN_SECRET = "Xk9mQ2vL7pR4zT8w"  # not joined \\\n'
        "# noqa: AIS101 fixture key\n"
    )
    path = _write(tmp_path, "joined.py", src)
    assert [(f.line, f.code) for f in check_source(src, str(path), Settings(strict=True))] == [(4, "AIS402"), (5, "AIS101")]
    assert _flake8_lines(path) == [(4, "AIS402"), (5, "AIS101")]
    assert _pylint_lines(path) == [(4, "command-injection"), (5, "hardcoded-secret")]


def test_a_noqa_listing_the_suppression_rules_silences_them_in_both_hosts(tmp_path):
    # flake8 applies '# noqa: AIS001' and '# noqa: AIS0' to AIS001 and AIS002 like to any
    # code; the core does too, so pylint agrees (found by a break-it run).
    src = "y = 2  # noqa: AIS0 stale\nv = 5  # noqa: AIS001,AIS101\n"
    path = _write(tmp_path, "self_codes.py", src)
    settings = Settings.from_mapping({"aisec_enable": "AIS0"}, strict=True)
    found = check_source(src, str(path), settings)
    assert [(f.line, f.code, f.args) for f in found] == [(2, "AIS002", ("AIS101",))]
    assert _flake8_lines(path, "--aisec-enable=AIS0") == [(2, "AIS002")]
    assert _pylint_lines(path, "--aisec-enable=AIS0") == [(2, "unused-suppression")]
