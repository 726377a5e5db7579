"""Bad input never crashes a lint run; failures are visible as AIS000, and loud in tests."""

from __future__ import annotations

import ast
import sys
import sysconfig
from pathlib import Path

import pytest

from aisec_shared import Settings, check_source, check_tree
from aisec_shared.analysis.syntax import KNOWN_NODE_TYPES, UnknownSyntaxError
from aisec_shared.engine import _checks_for

USER = Settings()
STRICT = Settings(strict=True)


def _deep_chain(depth: int) -> ast.Module:
    """``x = n + n + ... + n`` built directly as a tree, deeper than any parser allows."""
    loc = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 1}
    expr: ast.expr = ast.Name("n", ast.Load(), **loc)
    for _ in range(depth):  # ast.fix_missing_locations would recurse: set positions here
        expr = ast.BinOp(expr, ast.Add(), ast.Constant("'; DROP TABLE x; --", **loc), **loc)
    call = ast.Call(
        ast.Attribute(ast.Name("cursor", ast.Load(), **loc), "execute", ast.Load(), **loc),
        [ast.JoinedStr([ast.Constant("SELECT * FROM t WHERE a = '", **loc), ast.FormattedValue(expr, -1, None, **loc)], **loc)],
        [],
        **loc,
    )
    assign = ast.Assign([ast.Name("x", ast.Store(), **loc)], expr, **loc)
    return ast.Module([assign, ast.Expr(call, **loc)], [])


def test_tree_nested_100k_deep_does_not_raise():
    tree = _deep_chain(100_000)
    findings = check_tree(tree, ["x = ...\n"], "deep.py", STRICT)
    assert [f.code for f in findings] == ["AIS401"]


def test_unknown_node_type_is_loud_in_strict_mode_and_quiet_for_users():
    class TemplateStr(ast.expr):  # a future grammar node (PEP 750 adds one like it)
        _fields = ("values",)

    tree = ast.parse('import os\nPASSWORD = "Pg9-prod-Kx72vd"\n')
    tree.body.append(ast.Expr(TemplateStr(values=[ast.Constant("x")]), lineno=3, col_offset=0))
    assert "TemplateStr" not in KNOWN_NODE_TYPES
    with pytest.raises(UnknownSyntaxError):
        check_tree(tree, [], "future.py", STRICT)
    assert [f.code for f in check_tree(tree, [], "future.py", USER)] == ["AIS101"]


def test_failing_rule_becomes_one_ais000_and_the_others_still_report(monkeypatch):
    from aisec_shared.rules import ais402_command_injection as rule

    def broken(node, ctx):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    broken.__aisec_node_types__ = (ast.Call,)
    broken.__module__ = rule.__name__
    monkeypatch.setattr(rule, "check_call", broken)
    _checks_for.cache_clear()
    try:
        src = 'import os\nos.system(cmd)\nos.system(cmd)\nPASSWORD = "Pg9-prod-Kx72vd"\n'
        findings = check_source(src, "x.py", USER)
        assert [(f.line, f.code) for f in findings] == [(1, "AIS000"), (4, "AIS101")]
        assert "AIS402 (command-injection)" in findings[0].message and "RuntimeError" in findings[0].message
        with pytest.raises(RuntimeError):
            check_source(src, "x.py", STRICT)
    finally:
        monkeypatch.undo()
        _checks_for.cache_clear()


@pytest.mark.parametrize(
    "data",
    [
        b"def f(:\n",  # syntax error
        b"x = 1\x00\n",  # null byte
        b"\xff\xfe garbage \x80\n",  # undecodable
        b"# -*- coding: no-such-codec -*-\nx = 1\n",  # unknown cookie
        b"x = " + b"(" * 5000 + b")" * 5000 + b"\n",  # too deep for the parser
        b"",  # empty file
    ],
)
def test_bad_source_returns_nothing_instead_of_raising(data):
    assert check_source(data, "bad.py", STRICT) == []


def test_coding_cookie_and_bom():
    latin = "# -*- coding: latin-1 -*-\nNAME = 'Grüße'\nPASSWORD = 'Grüße-Pg9-prod'\n".encode("latin-1")
    assert [(f.line, f.code) for f in check_source(latin, "l.py", STRICT)] == [(3, "AIS101")]
    bom = b"\xef\xbb\xbfPASSWORD = 'Pg9-prod-Kx72vd'\n"
    assert [(f.line, f.code) for f in check_source(bom, "b.py", STRICT)] == [(1, "AIS101")]


def _stdlib_files() -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(p for p in root.rglob("*.py") if "site-packages" not in p.parts)


def test_every_stdlib_file_in_strict_mode():
    """The whole installed standard library (thousands of files) without one exception."""
    files = _stdlib_files()
    assert len(files) > 500
    checked = 0
    for path in files:
        data = path.read_bytes()
        try:
            check_source(data, str(path), STRICT)
        except Exception as exc:  # pragma: no cover - the assertion message is the point
            raise AssertionError(f"{path}: {type(exc).__name__}: {exc}") from exc
        checked += 1
    assert checked == len(files)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 695 syntax needs Python 3.12")
def test_type_alias_statement():
    src = (
        "from subprocess import Popen\nfrom flask import request\n"
        "type ProcTable = dict[str, Popen[str]]\ntype Pair[T] = tuple[T, T]\n"
        "def start(name):\n    Popen('notify ' + request.args['user'], shell=True)\n"
    )
    assert [(f.line, f.code) for f in check_source(src, "t.py", STRICT)] == [(6, "AIS402")]


def test_parsing_prints_no_warnings_about_the_users_code():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check_source(b"PATTERN = '\\d+'\nPASSWORD = 'Pg9-prod-Kx72vd'\n", "w.py", STRICT)[0].code == "AIS101"
