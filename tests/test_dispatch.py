"""Dispatch by callee, keyword and name: checks declare ``callees``, ``keywords`` or ``names``
and still see what they report on."""

from __future__ import annotations

import ast

import pytest

from aisec_shared import RULES, Settings, check_source
from aisec_shared.checks import on
from aisec_shared.engine import _checks_for

STRICT = Settings(strict=True)

# Rule modules whose ast.Call checks must declare `callees` (see checks.on).
LISTED = (
    "ais204_insecure_cookie",
    *(m for m in (r.module for r in RULES.values()) if m.startswith(tuple(f"ais4{n:02d}_" for n in range(3, 15)))),
    "ais602_tls_verification_disabled",
    "ais801_model_output_to_sink",
)

# Checks that must see every call, and why. Keep each one cheap for calls it does not report on.
ANY_CALL = {
    ("ais413_xpath_injection", "check_object_call"):
        "XPathEvaluator / XSLT objects are called under whatever local name holds them; the named sinks are in check_call",
}


def _call_checks():
    for code, rule in RULES.items():
        if rule.module in LISTED:
            for node_type, fn, keys in _checks_for(code):
                if node_type is ast.Call:
                    callees, keywords = keys if keys is not None else (None, None)
                    yield rule.module, fn.__name__, callees if keywords is None else (callees or frozenset()) | keywords


def test_listed_modules_exist():
    modules = {r.module for r in RULES.values()}
    assert set(LISTED) <= modules
    assert len(LISTED) == 15


def test_every_call_check_declares_callees_unless_allowed():
    undeclared = {(module, name) for module, name, callees in _call_checks() if callees is None}
    assert undeclared <= set(ANY_CALL), f"ast.Call checks without callees=: {sorted(undeclared - set(ANY_CALL))}"
    assert set(ANY_CALL) <= undeclared, f"allow-list entries that declare callees now: {sorted(set(ANY_CALL) - undeclared)}"


def test_declared_callees_are_plain_names():
    for module, name, callees in _call_checks():
        if callees is not None:
            assert callees and all(c.isidentifier() for c in callees), (module, name)


def test_aliased_import_still_reaches_its_check():
    src = (
        "from flask import Flask, request\n"
        "from pickle import loads as l\n"
        "\n"
        "app = Flask(__name__)\n"
        "\n"
        "@app.route('/load', methods=['POST'])\n"
        "def load():\n"
        "    return l(request.data)\n"
    )
    found = [(f.line, f.code) for f in check_source(src, "app.py", STRICT)]
    assert (8, "AIS414") in found
    # the alias is dispatched by the imported name, not by the local one
    assert [(f.line, f.code) for f in check_source(src.replace("loads as l", "dumps as l"), "app.py", STRICT)] == []


@pytest.mark.parametrize(
    ("sink", "code", "call"),
    [
        ("myapp.store.run_query:nosql", "AIS403", "run_query(request.get_json())"),
        ("myapp.store.thaw:deserialize", "AIS414", "thaw(request.data)"),
    ],
)
def test_extra_sinks_reach_callee_filtered_checks(sink, code, call):
    src = (
        "from flask import Flask, request\n"
        f"from myapp.store import {call.split('(')[0]}\n"
        "app = Flask(__name__)\n"
        "@app.route('/x', methods=['POST'])\n"
        "def view():\n"
        f"    return {call}\n"
    )
    settings = Settings(strict=True, extra_sinks=(sink,))
    assert (6, code) in [(f.line, f.code) for f in check_source(src, "app.py", settings)]


def _table(*checks):
    """A dispatch table for made-up checks, as the engine builds it for one rule."""
    from aisec_shared import engine
    from aisec_shared.engine import _Dispatch

    def declared(code):
        return tuple(entry for fn in checks for entry in engine._declared(fn))

    original = engine._checks_for
    try:
        engine._checks_for = declared
        return _Dispatch(["X"], frozenset())
    finally:
        engine._checks_for = original


def _names_of(table, node, ctx=None):
    return sorted(fn.__name__ for _, fn in table.checks(node, ctx))


@on(ast.Call, keywords={"verify"})
def by_kw(node, ctx):
    yield from ()


@on(ast.Call, callees={"get"}, keywords={"verify"})
def both(node, ctx):
    yield from ()


@on(ast.Name, ast.Attribute, names={"DEBUG"})
def ref(node, ctx):
    yield from ()


@on(ast.Name)
def every_name(node, ctx):
    yield from ()


@on(ast.Assign, ast.AugAssign, names={"DEBUG", "debug"})
def assign(node, ctx):
    yield from ()


def test_keywords_dispatch_calls_that_pass_the_keyword():
    table = _table(by_kw, both)
    call = lambda src: ast.parse(src).body[0].value
    assert _names_of(table, call("client.post(url, verify=False)")) == ["both", "by_kw"]
    assert _names_of(table, call("client.get(url)")) == ["both"]
    assert _names_of(table, call("client.post(url, timeout=3)")) == []
    assert _names_of(table, call("client.post(url, **options)")) == []


def test_names_dispatch_names_attributes_and_assignment_targets():
    table = _table(ref, every_name, assign)
    expr = lambda src: ast.parse(src).body[0].value
    stmt = lambda src: ast.parse(src).body[0]
    assert _names_of(table, expr("DEBUG")) == ["every_name", "ref"]
    assert _names_of(table, expr("other")) == ["every_name"]
    assert _names_of(table, expr("settings.DEBUG")) == ["ref"]
    assert _names_of(table, expr("settings.other")) == []
    for hit in ("DEBUG = True", "app.debug = True", "config['DEBUG'] = True", "a, (b, *DEBUG) = x", "DEBUG += 1",
                "config[key] = True"):
        assert _names_of(table, stmt(hit)) == ["assign"], hit
    for miss in ("other = True", "app.other = True", "config['other'] = True", "DEBUG: bool = True"):
        assert _names_of(table, stmt(miss)) == [], miss


def test_names_and_keywords_refuse_other_node_types():
    with pytest.raises(ValueError):
        on(ast.Call, names={"x"})
    with pytest.raises(ValueError):
        on(ast.Assign, keywords={"x"})


def test_bulk_dispatch_agrees_with_single_node_dispatch():
    """`_Dispatch.work` (the engine's inlined loop) hands each node the same checks as
    `_Dispatch.checks`, and skips only nodes without any."""
    from conftest import EXAMPLES

    from aisec_shared.analysis.context import FileContext
    from aisec_shared.engine import _dispatch_for, selected_codes

    settings = Settings(strict=True)
    table = _dispatch_for(tuple(selected_codes(settings)), ())
    for path in sorted(EXAMPLES.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        ctx = FileContext(ast.parse(source), source.splitlines(True), str(path), settings)
        seen = {}
        for node, entries in table.work(ctx):
            seen[id(node)] = [(code, fn.__name__) for code, fn in entries]
        assert seen
        for node in ctx.nodes:
            expected = [(code, fn.__name__) for code, fn in table.checks(node, ctx)]
            assert sorted(seen.get(id(node), [])) == sorted(expected), (path, ast.dump(node)[:80])


def _run_with_check(monkeypatch, check, filename, strict=True):
    """Run the engine with `check` as AIS101's only check (the registry untouched)."""
    from aisec_shared import engine

    monkeypatch.setattr(engine, "_checks_for", lambda code: ((ast.Name, check, None),) if code == "AIS101" else ())
    engine._dispatch_for.cache_clear()
    try:
        source = "a = b\nc = d\n"
        return engine.check_tree(ast.parse(source), source.splitlines(True), filename, Settings(strict=strict), only=["AIS101"])
    finally:
        engine._dispatch_for.cache_clear()


def test_a_closed_gate_keeps_the_check_off_the_whole_file(monkeypatch):
    visits, asked = [], []

    def gate(ctx):
        asked.append(ctx.filename)
        return ctx.filename == "open.py"

    @on(ast.Name, when=gate)
    def check(node, ctx):
        visits.append(node.id)
        yield from ()

    _run_with_check(monkeypatch, check, "closed.py")
    assert visits == [] and asked == ["closed.py"]
    _run_with_check(monkeypatch, check, "open.py")
    assert sorted(visits) == ["a", "b", "c", "d"] and asked == ["closed.py", "open.py"]


def test_a_gate_that_raises_is_a_rule_failure(monkeypatch):
    def gate(ctx):
        raise RuntimeError("boom")

    @on(ast.Name, when=gate)
    def check(node, ctx):
        yield from ()

    with pytest.raises(RuntimeError):
        _run_with_check(monkeypatch, check, "x.py", strict=True)
    found = _run_with_check(monkeypatch, check, "x.py", strict=False)
    assert [(f.code, f.args[0]) for f in found] == [("AIS000", "AIS101 (hardcoded-secret)")]


def test_tables_for_different_closed_gates_share_their_entries():
    """Each set of closed gates gets its own table for the whole run; their lists of checks
    are shared tuples, not copies (every copy would be walked by each full collection of the
    host's garbage collector)."""
    from aisec_shared import engine

    settings = Settings()
    codes = tuple(engine.selected_codes(settings))
    full = engine._dispatch_for(codes, ())
    assert full.gates
    gated = next(iter(full.gates))
    fewer = engine._dispatch_for(codes, (), frozenset({gated}))
    assert fewer is not full
    shared = [key for key, entries in full._joined.items() if all(fn is not gated for _, fn in entries)]
    assert shared
    for key in shared:
        assert type(full._joined[key]) is tuple
        assert fewer._joined[key] is full._joined[key], key
    for kind, entries in full.by_type.items():
        if all(fn is not gated for _, fn in entries):
            assert fewer.by_type[kind] is entries
