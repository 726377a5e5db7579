"""Syntax newer than Python 3.10 is checked on the Pythons that have it.

Each case needs the syntax of one Python version (PEP 695 type parameters and ``type``
statements, PEP 701 f-strings, PEP 696 type parameter defaults, PEP 750 template strings and
PEP 758 bare ``except`` lists) and holds a flaw that must still be found, through the core and
through both hosts. A case is skipped on a Python without its syntax; CI (tox, see tox.ini)
runs the suite on every CPython from 3.10, so each case runs on every version that parses
it. Match statements (3.10) run everywhere: tests/cases/053 and the AIS206 fixture.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from conftest import flake8_findings, pylint_findings, run_flake8, run_pylint

from aisec_shared import Settings, check_source
from aisec_shared.registry import by_symbol

# name: (minimum version, source, [(line, code)] the core and both hosts must report)
CASES: dict[str, tuple[tuple[int, int], str, list[tuple[int, str]]]] = {
    "pep695_generic_function": ((3, 12), '''
        import os
        from flask import Flask, request
        app = Flask(__name__)
        @app.route("/run")
        def run[T](default: T | None = None):
            os.system("echo " + request.args["q"])
        ''', [(6, "AIS402")]),
    "pep695_generic_class": ((3, 12), '''
        import subprocess
        from flask import request
        type Pair[T] = tuple[T, T]
        class Runner[T: str, *Ts, **P]:
            def go(self) -> None:
                subprocess.run("notify " + request.args["user"], shell=True)
        ''', [(6, "AIS402")]),
    "pep701_fstrings": ((3, 12), '''
        import sqlite3
        from flask import request
        cursor = sqlite3.connect("app.db").cursor()
        def lookup():
            cursor.execute(f"SELECT * FROM t WHERE name = '{request.args["name"]}'")
            cursor.execute(f"SELECT * FROM t WHERE id = {
                request.args["id"]  # a comment inside the replacement field
            }")
        ''', [(5, "AIS401"), (6, "AIS401")]),
    "pep696_type_parameter_defaults": ((3, 13), '''
        import os
        from flask import request
        type Table[K = str, V = int] = dict[K, V]
        class Box[T = int]:
            def run(self):
                os.system("ls " + request.args["d"])
        ''', [(6, "AIS402")]),
    "pep750_pep758_template_strings_and_bare_except_lists": ((3, 14), '''
        import os
        from flask import request
        def page(name):
            try:
                greeting = t"Hello {name}!"
            except ValueError, TypeError:
                greeting = None
            os.system("echo " + request.args["q"])
            return greeting
        ''', [(8, "AIS402")]),
}
RUNNABLE = {name: case for name, case in CASES.items() if sys.version_info >= case[0]}


def _source(name: str) -> str:
    return textwrap.dedent(CASES[name][1]).lstrip("\n")


@pytest.mark.parametrize("name", sorted(CASES))
def test_new_syntax_in_the_core(name):
    version, _src, expected = CASES[name]
    if sys.version_info < version:
        pytest.skip(f"needs Python {version[0]}.{version[1]} syntax")
    findings = check_source(_source(name), "app.py", Settings(strict=True))
    assert [(f.line, f.code) for f in findings] == expected


@pytest.mark.skipif(not RUNNABLE, reason="needs Python 3.12 syntax")
def test_new_syntax_in_both_hosts(tmp_path):
    paths: list[Path] = []
    for name in RUNNABLE:
        path = tmp_path / f"{name}.py"
        path.write_text(_source(name), encoding="utf-8")
        paths.append(path.resolve())
    f8 = flake8_findings(run_flake8(paths))
    proc = run_pylint(paths)
    assert "Traceback" not in proc.stderr, proc.stderr
    pl = pylint_findings(proc)
    for path in paths:
        expected = sorted(RUNNABLE[path.stem][2])
        assert sorted((row[0], row[2]) for row in f8.get(str(path), [])) == expected, path.name
        assert sorted((m["line"], by_symbol(m["symbol"]).code) for m in pl.get(str(path), [])) == expected, path.name
