"""End to end in each host: suppression comments, options, pylint extensions, bad input."""

from __future__ import annotations

import pkgutil
import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLES, flake8_findings, pylint_findings, run_flake8, run_pylint

import pylint.extensions

SECRET_LINE = 'DB_PASSWORD = "Pg9-prod-Kx72vd"'


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding=encoding)
    return path.resolve()


def _flake8_lines(path: Path, *extra: str) -> list[tuple[int, str]]:
    return sorted((line, code) for line, _c, code, _m in flake8_findings(run_flake8([path], *extra)).get(str(path), []))


def _pylint_lines(path: Path, *extra: str) -> list[tuple[int, str]]:
    proc = run_pylint([path], *extra)
    assert "Traceback" not in proc.stderr, proc.stderr
    return sorted((m["line"], m["symbol"]) for m in pylint_findings(proc).get(str(path), []))


def test_flake8_noqa(tmp_path):
    path = _write(tmp_path, "noqa.py", f"""\
        import requests
        {SECRET_LINE}  # noqa: AIS101
        {SECRET_LINE}  # noqa: AIS1
        {SECRET_LINE}  # noqa: AIS602
        {SECRET_LINE}
        requests.get(
            "https://x",
            verify=False,  # noqa: AIS602
        )
        requests.get("https://x", verify=False)
        """)
    assert _flake8_lines(path) == [(4, "AIS101"), (5, "AIS101"), (10, "AIS602")]


def test_pylint_pragmas(tmp_path):
    path = _write(tmp_path, "pragmas.py", f"""\
        import requests
        {SECRET_LINE}  # pylint: disable=hardcoded-secret
        # pylint: disable-next=hardcoded-secret
        {SECRET_LINE}
        {SECRET_LINE}  # pylint: disable=tls-verification-disabled
        {SECRET_LINE}  # pylint: disable=W7101
        requests.get(
            "https://x",
            verify=False,  # pylint: disable=tls-verification-disabled
        )
        requests.get("https://x", verify=False)
        """)
    assert _pylint_lines(path) == [(5, "hardcoded-secret"), (11, "tls-verification-disabled")]


def test_pylint_disable_aisec_switches_the_suite_off(tmp_path):
    path = _write(tmp_path, "off.py", SECRET_LINE + "\n")
    assert _pylint_lines(path, "--enable=unused-import", "--disable=aisec") == []
    assert _pylint_lines(path) == [(1, "hardcoded-secret")]


MIXED = """\
    import sqlite3
    conn = sqlite3.connect("x.db")


    def by_column(column):
        return conn.execute(f"SELECT id FROM users ORDER BY {column}")


    def by_name(name):
        return conn.execute(f"SELECT id FROM users WHERE name = '{name}'")
    """


def test_min_confidence_option_in_both_hosts(tmp_path):
    path = _write(tmp_path, "conf.py", MIXED)
    assert _flake8_lines(path) == [(10, "AIS401")]
    assert _flake8_lines(path, "--aisec-min-confidence=low") == [(6, "AIS401"), (10, "AIS401")]
    assert _flake8_lines(path, "--aisec-min-confidence=high") == []
    assert _pylint_lines(path) == [(10, "sql-injection")]
    assert _pylint_lines(path, "--aisec-min-confidence=low") == [(6, "sql-injection"), (10, "sql-injection")]
    assert _pylint_lines(path, "--aisec-min-confidence=high") == []


def test_options_from_config_files(tmp_path):
    path = _write(tmp_path, "conf.py", MIXED)
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = AIS\naisec-min-confidence = low\n")
    proc = run_flake8([path], cwd=tmp_path)
    # run_flake8 passes --isolated; run again honouring the config file.
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "flake8", "-j1", "--format=%(row)d:%(code)s", str(path)],
                          capture_output=True, text=True, cwd=tmp_path, check=False)
    assert sorted(proc.stdout.split()) == ["10:AIS401", "6:AIS401"]
    (tmp_path / "pylintrc").write_text("[MAIN]\nload-plugins=pylint_aisec\n[MESSAGES CONTROL]\ndisable=all\nenable=aisec\n[AISEC]\naisec-min-confidence=low\n")
    proc = subprocess.run([sys.executable, "-m", "pylint", "--rcfile", str(tmp_path / "pylintrc"), "--score=n",
                           "--msg-template={line}:{symbol}", str(path)], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert sorted(line for line in proc.stdout.split() if ":" in line and not line.startswith("*")) == ["10:sql-injection", "6:sql-injection"]


@pytest.mark.parametrize("option", ["--aisec-min-confidence=certain", "--aisec-enable=FOO"])
def test_bad_option_value_is_refused_without_a_traceback(tmp_path, option):
    path = _write(tmp_path, "x.py", "x = 1\n")
    for proc in (run_flake8([path], option), run_pylint([path], option)):
        out = proc.stderr + proc.stdout
        assert proc.returncode != 0 and "aisec-" in out, out
        assert "Traceback" not in out and "F0002" not in out, out


def test_bad_option_value_in_config_file_is_refused_without_a_traceback(tmp_path):
    import subprocess
    import sys

    path = _write(tmp_path, "x.py", "x = 1\n")
    (tmp_path / "setup.cfg").write_text("[flake8]\naisec-min-confidence = bogus\n")
    proc = subprocess.run([sys.executable, "-m", "flake8", str(path)], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert proc.returncode != 0 and "aisec-min-confidence" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.pylint.main]\nload-plugins = ["pylint_aisec"]\n[tool.pylint.aisec]\naisec-enable = ["FOO"]\n')
    proc = subprocess.run([sys.executable, "-m", "pylint", str(path)], capture_output=True, text=True, cwd=tmp_path, check=False)
    out = proc.stderr + proc.stdout
    assert proc.returncode != 0 and "aisec-enable" in out and "Traceback" not in out and "F0002" not in out, out


def test_pylint_loads_beside_every_extension(tmp_path):
    """A msgid or symbol clash with any pylint extension would crash pylint at load time."""
    extensions = [f"pylint.extensions.{m.name}" for m in pkgutil.iter_modules(pylint.extensions.__path__)
                  if not m.name.startswith("_")]
    assert len(extensions) > 10
    path = _write(tmp_path, "ext.py", SECRET_LINE + "\n")
    proc = run_pylint([path], f"--load-plugins=pylint_aisec,{','.join(extensions)}")
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert [m["symbol"] for m in pylint_findings(proc)[str(path)]] == ["hardcoded-secret"]


def test_syntax_error_never_crashes_either_host(tmp_path):
    path = _write(tmp_path, "broken.py", "def f(:\n    pass\n")
    proc = run_flake8([path], "--select=AIS,E9")
    assert "Traceback" not in proc.stderr and "E999" in proc.stdout
    proc = run_pylint([path], "--enable=syntax-error")
    assert "Traceback" not in proc.stderr and "syntax-error" in proc.stdout


def _deepest_parsable_chain() -> str:
    """A long ``a + a + ...`` chain that pyflakes, run by flake8 beside us, still survives."""
    import ast

    for n in (250, 100):
        src = "x = " + " + ".join(["name"] * n) + "\n"
        try:
            ast.parse(src)
        except (RecursionError, MemoryError, SyntaxError):
            continue
        return src
    return "x = 1\n"


def test_deep_nesting_never_crashes_either_host(tmp_path):
    """As deep as the host's parser allows; deeper trees are tested on the core directly."""
    deep = _deepest_parsable_chain() + "y = " + "[" * 150 + "]" * 150 + "\n" + SECRET_LINE + "\n"
    path = _write(tmp_path, "deep.py", deep)
    assert _flake8_lines(path) == [(3, "AIS101")]
    assert _pylint_lines(path) == [(3, "hardcoded-secret")]


def test_coding_cookie_is_honoured_in_both_hosts(tmp_path):
    text = "# -*- coding: latin-1 -*-\nGREETING = 'Grüße'\n" + SECRET_LINE + "\n"
    path = tmp_path / "latin.py"
    path.write_bytes(text.encode("latin-1"))
    path = path.resolve()
    assert _flake8_lines(path) == [(3, "AIS101")]
    assert _pylint_lines(path) == [(3, "hardcoded-secret")]


# The findings examples/README.md documents, line by line: every one of the ten rules.
EXAMPLE_FINDINGS = [
    ("app.py", 29, "AIS204"), ("app.py", 102, "AIS601"), ("app.py", 102, "AIS607"),
    ("assistant.py", 10, "AIS803"), ("assistant.py", 11, "AIS802"), ("assistant.py", 27, "AIS801"),
    ("auth.py", 17, "AIS202"), ("auth.py", 21, "AIS207"), ("auth.py", 36, "AIS201"), ("auth.py", 41, "AIS203"),
    ("auth.py", 46, "AIS203"),
    ("db.py", 63, "AIS101"), ("db.py", 69, "AIS401"), ("db.py", 89, "AIS401"), ("db.py", 110, "AIS401"),
    ("ops.py", 19, "AIS102"), ("ops.py", 30, "AIS101"), ("ops.py", 36, "AIS402"), ("ops.py", 43, "AIS402"),
    ("ops.py", 49, "AIS609"), ("ops.py", 53, "AIS402"), ("ops.py", 58, "AIS602"),
    ("settings.py", 8, "AIS105"), ("settings.py", 9, "AIS601"), ("settings.py", 13, "AIS204"), ("settings.py", 19, "AIS105"),
    ("storage.py", 12, "AIS504"), ("storage.py", 16, "AIS701"), ("storage.py", 23, "AIS705"), ("storage.py", 30, "AIS502"),
]


@pytest.mark.skipif(not (EXAMPLES / "vulnerable_app").exists(), reason="examples not present")
def test_examples_same_lines_in_both_hosts():
    vulnerable = sorted((EXAMPLES / "vulnerable_app").rglob("*.py"))
    fixed = sorted((EXAMPLES / "fixed_app").rglob("*.py"))
    f8 = flake8_findings(run_flake8(vulnerable + fixed))
    pl = pylint_findings(run_pylint(vulnerable + fixed))
    from aisec_shared.registry import by_symbol

    f8_pairs = sorted((p, line, code) for p, rows in f8.items() for line, _c, code, _m in rows)
    pl_pairs = sorted((p, m["line"], by_symbol(m["symbol"]).code) for p, rows in pl.items() for m in rows)
    assert f8_pairs == pl_pairs
    got = sorted((Path(p).name, line, code) for p, line, code in f8_pairs if "vulnerable_app" in p)
    assert got == sorted(EXAMPLE_FINDINGS), "update examples/README.md's table too"
    assert not [p for p, _l, _c in f8_pairs if "fixed_app" in p]
    # Parallel runs (flake8 forks, pylint pickles its linter with our checkers) agree.
    f8_par = flake8_findings(run_flake8(vulnerable + fixed, "-j2"))
    pl_par = pylint_findings(run_pylint(vulnerable + fixed, "-j2"))
    assert sorted((p, r[0], r[2]) for p, rows in f8_par.items() for r in rows) == f8_pairs
    assert sorted((p, m["line"], by_symbol(m["symbol"]).code) for p, rows in pl_par.items() for m in rows) == pl_pairs
