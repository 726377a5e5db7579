"""The module's slices (`TaintAnalysis._slice_flow`): the taint of a module-level name, and of
a module-level expression, read from a pass over only the top-level statements it depends on,
must equal what the pass over the whole module gives."""

from __future__ import annotations

import ast
import random
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT, TESTS, parsed_sources

from aisec_shared import Settings
from aisec_shared.options import SINK_KINDS
from aisec_shared.analysis import taint
from aisec_shared.analysis.context import FileContext

# Top-level code in the shapes a slice must get right: a pass that ends (raise, exit call, an
# if whose branches all end, try/finally), guards, loops that accumulate, subscript,
# attribute and mutator writes, walrus in a comprehension, a decorator with a walrus, a
# comprehension with a subscript target, deletes, names bound only in compound statements.
SHAPES = '''\
import os
import sys
from flask import request

raw = request.args.get("q")
clean = "fixed"
parts = []
parts.append(raw)
table = {}
table["k"] = raw
table["j"]["i"] = raw
holder = type("H", (), {})()
holder.value = raw
holder.value += clean
alias = holder.value
[seen := raw for _ in range(1)]
bag = {}
[0 for bag["x"] in [raw]]
copied = bag
for item in [raw, clean]:
    acc = item
if raw.isdigit():
    guarded = raw
else:
    guarded = clean
if os.environ.get("SAFE") and raw in ("a", "b"):
    narrowed = raw
try:
    from missing import thing
except ImportError:
    thing = raw
finally:
    done = clean
with open(raw) as handle:
    opened = handle
del clean


def decorate(value):
    return value


@decorate(found := raw)
def handler():
    return found


class Box:
    field = raw


late = Box
if len(sys.argv) > 3:
    sys.exit(1)
after_exit = raw
'''

# The last `if` ends the pass on both branches: nothing after it is reached, and the pass
# ends with an empty state.
ENDS_IF = SHAPES + '''\
if raw:
    raise SystemExit(raw)
else:
    raise ValueError(raw)
never = raw
'''

# Ends the pass in an `if` and a `try` that read no name of the slices: only `_may_end` puts
# them in a slice.
ENDS_QUIETLY = '''\
import sys
from flask import request

first = request.args["v"]
if flag:
    raise ValueError("x")
else:
    sys.exit(1)
second = request.args["w"]
'''

ENDS_QUIETLY_TRY = '''\
from flask import request

first = request.args["v"]
try:
    raise ValueError("x")
except ValueError:
    raise
second = request.args["w"]
'''

# Attribute slots read where the pass never evaluates: a class body and a base (the query
# reads them from the pass's final state).
CLASS_READS = '''\
from flask import request
a = object()
a.b = request.args
class C(a.b):
    f = a.b
'''

ENDS_TRY = '''\
from flask import request

value = request.args["v"]
try:
    raise ValueError(value)
except ValueError:
    raise
finally:
    final = value
unreached = value
'''

MATCH = '''\
from flask import request

subject = request.args
match subject:
    case {"a": first, **rest}:
        picked = first
    case [head, *tail]:
        picked = head
    case _:
        picked = "none"
result = picked
'''


def _corpus() -> list[tuple[str, str, ast.Module]]:
    """The shapes above, the fixtures, cases and examples, this project's own core, and the
    running Python's standard library modules (real top-level code: version checks, optional
    imports that raise, platform branches)."""
    out = []
    for name, text in (("shapes", SHAPES), ("ends_if", ENDS_IF), ("ends_quietly", ENDS_QUIETLY), ("ends_quietly_try", ENDS_QUIETLY_TRY), ("ends_try", ENDS_TRY), ("class_reads", CLASS_READS), ("match", MATCH)):
        try:
            out.append((name, text, ast.parse(text)))
        except SyntaxError:  # `match` before 3.10 (never: 3.10 is the oldest supported)
            continue
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    paths = [
        *sorted(FIXTURES.glob("*.py")),
        *sorted((TESTS / "cases").rglob("*.py")),
        *sorted(EXAMPLES.rglob("*.py")),
        *sorted((ROOT / "shared").rglob("*.py")),
        *sorted(stdlib.glob("*.py")),
    ]
    out.extend((str(p), text, tree) for p, text, tree in parsed_sources(paths))
    return out


CORPUS = _corpus()


def _module_names(tree: ast.Module, ctx: FileContext) -> list[str]:
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names.update(ctx.bindings[tree])
    return sorted(names)


def _module_exprs(ctx: FileContext) -> list[ast.expr]:
    """Every module-scope expression of the file whose taint `of` may be asked."""
    tree = ctx.tree
    analysis = ctx.taint
    return [n for n in ctx.nodes if isinstance(n, ast.expr) and analysis._scope_for(n) is tree]


def _full(text: str, tree: ast.Module) -> tuple[FileContext, taint._FunctionFlow]:
    ctx = FileContext(tree, text.splitlines(True), "m.py", Settings())
    return ctx, ctx.taint.flow(tree)


def _compare_names(label: object, text: str, tree: ast.Module) -> int:
    """Assert that each module name's slice (where one is built) settles it as the whole pass
    does, in a fresh context; the number of names compared."""
    _, full = _full(text, tree)
    ctx = FileContext(tree, text.splitlines(True), "m.py", Settings())
    analysis = ctx.taint
    compared = 0
    for each in _module_names(tree, ctx):
        got = analysis._settled.get(each)
        if got is None:
            if analysis._slice_flow([each]) is None:
                continue  # the slice holds most of the module: the whole pass is built
            got = analysis._settled[each]
        assert got == full.final_env.get(each, taint.CLEAN), (label, each, text)
        compared += 1
    assert tree not in analysis._flows  # no whole pass was built on the way
    return compared


def _compare_exprs(label: object, text: str, tree: ast.Module) -> None:
    """Assert that `of` gives each module-level expression, in a fresh context, what the
    whole pass gives it."""
    full_ctx, full = _full(text, tree)
    ctx = FileContext(tree, text.splitlines(True), "m.py", Settings())
    for expr in _module_exprs(ctx):
        assert ctx.taint.of(expr) == full_ctx.taint.eval(expr, full, None), (label, ast.unparse(expr), text)


@pytest.mark.parametrize("name,text,tree", CORPUS, ids=[c[0].rsplit("/", 1)[-1] for c in CORPUS])
def test_slice_gives_each_module_name_the_whole_pass_taint(name: str, text: str, tree: ast.Module):
    _compare_names(name, text, tree)


@pytest.mark.parametrize("name,text,tree", CORPUS, ids=[c[0].rsplit("/", 1)[-1] for c in CORPUS])
def test_slice_gives_each_module_expression_the_whole_pass_taint(name: str, text: str, tree: ast.Module):
    _compare_exprs(name, text, tree)


def test_slices_taint_what_the_shapes_taint_and_stop_where_the_pass_ends():
    ctx = FileContext(ast.parse(SHAPES), SHAPES.splitlines(True), "m.py", Settings())
    analysis = ctx.taint
    tainted = {"raw", "parts", "table", "alias", "seen", "bag", "copied", "acc", "guarded", "thing", "found", "after_exit"}
    for each in sorted(tainted):
        assert analysis._module_slice(each), each
    for each in ("clean", "late", "done"):
        assert not analysis._module_slice(each), each
    ends = FileContext(ast.parse(ENDS_IF), ENDS_IF.splitlines(True), "m.py", Settings()).taint
    for each in sorted(tainted | {"never"}):
        assert not ends._module_slice(each), each
    assert tree_flows(analysis) == 0 and tree_flows(ends) == 0


def tree_flows(analysis: taint.TaintAnalysis) -> int:
    return sum(1 for scope in analysis._flows if isinstance(scope, ast.Module))


def test_a_slice_reads_only_the_statements_a_name_depends_on():
    lines = ["from flask import request", "x = request.args['a']", "y = x"]
    lines += [f"unrelated_{i} = {i}" for i in range(200)]
    lines += ["if unrelated_3:", "    other = 1"]
    text = "\n".join(lines) + "\n"
    ctx = FileContext(ast.parse(text), text.splitlines(True), "m.py", Settings())
    analysis = ctx.taint
    flow = analysis._slice_flow(["y"])
    assert flow is not None and analysis._settled["y"]
    assert flow.steps == 2  # the two statements that bind x and y, nothing else
    assert sorted(analysis._settled) == ["request", "x", "y"]


def test_may_end_follows_the_pass():
    def ends(source: str) -> bool:
        return taint._may_end(ast.parse(source).body)

    assert ends("raise ValueError")
    assert ends("import sys\nsys.exit(1)")
    assert ends("if a:\n    raise X\nelse:\n    raise Y")
    assert not ends("if a:\n    raise X")
    assert ends("if True:\n    raise X")
    assert not ends("if False:\n    raise X")
    assert not ends("for a in b:\n    raise X")
    assert not ends("while a:\n    break")
    assert ends("with a:\n    raise X")
    assert ends("try:\n    raise X\nexcept E:\n    raise")
    assert not ends("try:\n    raise X\nexcept E:\n    pass")
    assert ends("try:\n    pass\nfinally:\n    raise X")
    assert not ends("x = 1\ndef f():\n    raise X")
    if sys.version_info >= (3, 10):
        assert not ends("match a:\n    case _:\n        raise X")


# ---- differential: random top-level code from a small vocabulary, so that names collide and
# depend on each other across statements, control flow, writes of every kind and exits.

_VARS = ("a", "b", "c", "d")
_SOURCES = ("request.args['q']", "sys.argv[1]", "input()", "os.environ['K']")
_CLEAN = ("'x'", "1", "[]", "{}", "None")


def _expr(rng, depth: int = 0) -> str:
    pick = rng.randrange(9 if depth < 2 else 3)
    if pick == 0:
        return rng.choice(_VARS)
    if pick == 1:
        return rng.choice(_SOURCES)
    if pick == 2:
        return rng.choice(_CLEAN)
    if pick == 3:
        return f"{_expr(rng, depth + 1)} + {_expr(rng, depth + 1)}"
    if pick == 4:
        return f"f{rng.randrange(2)}({_expr(rng, depth + 1)})"
    if pick == 5:
        return f"{rng.choice(_VARS)}.get('k')"
    if pick == 6:
        return f"int({_expr(rng, depth + 1)})"
    if pick == 7:
        return f"[({rng.choice(_VARS)} := {_expr(rng, depth + 1)}) for _ in range(1)][0]"
    return f"{rng.choice(_VARS)}.attr"


def _cond(rng) -> str:
    v = rng.choice(_VARS)
    return rng.choice((v, f"{v}.isdigit()", f"{v} in ('a', 'b')", "True", "False", f"not {v}", f"is_safe({v})"))


def _stmt(rng, depth: int, pad: str) -> list[str]:
    v, e = rng.choice(_VARS), _expr(rng)
    simple = (
        f"{v} = {e}", f"{v} += {e}", f"{v}['k'] = {e}", f"{v}.attr = {e}", f"{v}.append({e})",
        f"{v}, {rng.choice(_VARS)} = {e}, {_expr(rng)}", f"print({e})", f"del {v}",
        f"[0 for {v}['x'] in [{e}]]", "pass",
    )
    roll = rng.randrange(24 if depth < 2 else 12)
    if roll < 10:
        return [pad + simple[roll]]
    if roll == 10:
        return [pad + rng.choice(("raise ValueError(a)", "sys.exit(1)"))]
    if roll == 11:
        return [pad + f"def f{rng.randrange(2)}(x):", pad + f"    return {_expr(rng)}"]
    body = lambda: _block(rng, depth + 1, pad + "    ")  # noqa: E731
    if roll in (12, 13):
        out = [pad + f"if {_cond(rng)}:", *body()]
        if rng.random() < 0.6:
            out += [pad + "else:", *body()]
        return out
    if roll == 14:
        return [pad + f"for {v} in {e}:", *body()]
    if roll == 15:
        return [pad + f"while {_cond(rng)}:", *body(), pad + "    break"]
    if roll in (16, 17):
        out = [pad + "try:", *body(), pad + "except ValueError as err:", *body()]
        if rng.random() < 0.5:
            out += [pad + "finally:", *body()]
        return out
    if roll == 18:
        return [pad + f"with open({e}) as {v}:", *body()]
    if roll == 19:
        return [pad + f"@deco({v} := {e})", pad + "def g():", pad + "    pass"]
    if roll == 20:
        return [pad + f"class K{rng.randrange(2)}:", pad + f"    field = {e}"]
    if roll in (22, 23):  # an if or a try whose every branch ends the pass
        # (reading no name of the vocabulary: only `_may_end` puts them in a slice)
        if roll == 22:
            return [pad + "if flag:", pad + "    raise ValueError('x')", pad + "else:", pad + "    sys.exit(1)"]
        return [pad + "try:", pad + "    raise ValueError('x')", pad + "except ValueError:", pad + "    raise"]
    return [pad + f"match {v}:", pad + "    case {'k': " + rng.choice(_VARS) + "}:", *_block(rng, depth + 1, pad + "        "),
            pad + "    case _:", pad + "        pass"]


def _block(rng, depth: int, pad: str) -> list[str]:
    return [line for _ in range(rng.randint(1, 3)) for line in _stmt(rng, depth, pad)]


def _program(seed: int) -> str:
    rng = random.Random(seed)
    lines = ["import os", "import sys", "from flask import request"]
    for _ in range(rng.randint(4, 14)):
        lines += _stmt(rng, 0, "")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("chunk", range(10))
def test_slices_equal_the_whole_pass_on_random_top_level_code(chunk: int, monkeypatch):
    """300 programs (30 per chunk, the same every run): every module name and module-level
    expression gets from its slice what the whole module pass gives it, however large the
    slice (the share that makes a query build the whole pass is lifted)."""
    monkeypatch.setattr(taint, "_SLICE_SHARE", 2)
    compared = 0
    for seed in range(chunk * 30, chunk * 30 + 30):
        text = _program(seed)
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        compared += _compare_names(seed, text, tree)
        _compare_exprs(seed, text, tree)
    assert compared > 300


@pytest.mark.parametrize("chunk", range(5))
def test_may_be_source_through_module_names_never_rejects_a_source(chunk: int, monkeypatch):
    """On the random programs, with functions that read module names and top-level calls that
    pass them: where `may_be_source` (which follows a module name into its slice) says no,
    `judge` finds no source in any sink kind."""
    monkeypatch.setattr(taint, "_SLICE_SHARE", 2)
    checked = 0
    for seed in range(chunk * 30, chunk * 30 + 30):
        rng = random.Random(seed)
        text = _program(seed) + "".join(
            f"def use{i}(p):\n    return sink({rng.choice(_VARS)}, p)\n"
            f"use{i}({rng.choice(_VARS)})\n"
            for i in range(3)
        )
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        ctx = FileContext(tree, text.splitlines(True), "m.py", Settings())
        for call in ctx.nodes_of(ast.Call):
            if isinstance(call.func, ast.Name) and call.func.id == "sink":
                for arg in call.args:
                    if not ctx.taint.may_be_source(arg):
                        checked += 1
                        for kind in sorted(SINK_KINDS):
                            assert ctx.taint.judge(arg, kind)[0] != "source", (seed, ast.unparse(arg), kind, text)
    assert checked > 0
