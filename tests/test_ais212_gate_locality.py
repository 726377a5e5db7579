"""AIS212's gate (`_open_scopes`) reads only what its seeds reach: the scopes nested in an
open scope from the top-level statements that hold it, and the imports that may alias an
unverified reader from the statements that spell such a word, not from every scope of the
file. Each shortcut must give the full scan's answer exactly: here over the fixtures, the
shared cases, shapes chosen to trip a line-based shortcut (decorators, nested defs, lambdas
and classes, statements sharing lines, multi-line calls and imports, non-ASCII identifiers,
CRLF), Django's own files and the 50,000-line module of the scale benchmark.
"""

from __future__ import annotations

import ast
import sys

import pytest
from conftest import FIXTURES, ROOT, TESTS, parsed_sources

from aisec_shared import Settings
from aisec_shared.analysis.context import FileContext
from aisec_shared.rules import ais212_client_controlled_identity as ais212

DJANGO = ROOT / "benchmarks" / ".cache" / "django-5.2.8"

# Seeds in nested defs, lambdas (in decorators, defaults, class bodies) and classes; helpers
# reached through callers; statements sharing lines; multi-line calls and imports; aliases.
TRICKY = '''\
from auth.tokens import (
    peek_claims as pc,
    unverified_payload,
)
import tokens.unsafe_reader as ur
import insecure_tokens
from . import noverify
from flask import request, abort


def route(f=lambda: request.cookies.get("is_admin")):
    return f


@route(lambda: request.headers.get(
    "X-User-Role"))
def decorated(request):
    def inner():
        class Local:
            probe = lambda self: request.args.get("admin")

            def method(self):
                return [lambda: 0 for _ in range(2)]
        return Local
    if inner() == "x":
        abort(403)


class Outer:
    class Inner:
        def role(self):
            return request.headers.get("X-User-Role")

    def post(self):
        if self.role() != "admin":
            abort(403)

    def role(self):
        return self.Inner().role()


def helper():
    return pc(
        request.args["t"])["role"]


def caller():
    if helper() == "admin":
        return 1


x = 1; y = lambda: ur(
    request.args["t"]); z = 2


def far_away():
    return insecure_tokens(request.args["t"]), noverify(2)


def last():
    return unverified_payload(1)


def unrelated(a):
    def nested(b):
        return lambda c: c
    return nested
'''

# Non-ASCII identifiers (NFKC-normalised by Python), an alias spelled in full-width letters.
NON_ASCII = '''\
from flask import request
from auth import ｐｅｅｋ_role as ｐｒ


def prüfe(request):
    rôle = request.cookies.get("role")

    def ïnner():
        return rôle == "admin"
    return ïnner


def ｖｉｅｗ():
    if ｐｒ(request.args["t"]) == "admin":
        return 1
'''

# The module scope holds a seed: every scope of the file is open.
MODULE_SEED = '''\
from flask import request

ROLE = request.cookies.get("role")


def a():
    def b():
        return lambda: 1
    return b


class C:
    def d(self):
        return 2
'''

SOURCES = {"tricky.py": TRICKY, "non_ascii.py": NON_ASCII, "module_seed.py": MODULE_SEED}


def _context(source: str, name: str = "t.py") -> FileContext:
    return FileContext(ast.parse(source), source.splitlines(True), name, Settings())


def _shared_sources() -> list[tuple[str, str]]:
    paths = [*sorted(FIXTURES.glob("*.py")), *sorted((TESTS / "cases").glob("*.py"))]
    return [*SOURCES.items(), *((p.name, text) for p, text, _ in parsed_sources(paths))]


def _django_sources() -> list[tuple[str, str]]:
    if not DJANGO.is_dir():
        pytest.skip("the Django benchmark corpus is not downloaded (benchmarks/.cache)")
    paths = sorted((DJANGO / "django").rglob("*.py"))
    return [(p.relative_to(DJANGO).as_posix(), text) for p, text, _ in parsed_sources(paths)]


def _pool_module() -> str:
    if not DJANGO.is_dir():
        pytest.skip("the Django benchmark corpus is not downloaded (benchmarks/.cache)")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import core_bench as cb
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return cb.cut_modules(cb.build_pool(DJANGO, 50000, 1000), 50000)[0]


def _variants(source: str) -> list[str]:
    return [source, source.replace("\n", "\r\n")]


def _full_open_scopes(ctx: FileContext, monkeypatch: pytest.MonkeyPatch) -> frozenset | None:
    """`_open_scopes` with every shortcut replaced by its full scan (a fresh memo)."""
    reach = ais212._reaching_scopes
    calls = ais212._unverified_calls
    with monkeypatch.context() as m:
        m.setattr(ais212, "_reaching_scopes", lambda c, seeds: reach(c, seeds, local=False))
        m.setattr(ais212, "_unverified_calls", lambda c, present, lowered=None, lines=None: calls(c, present))
        ctx.__dict__.pop("_aisec_ais212_scopes", None)
        full = ais212._open_scopes(ctx)
    ctx.__dict__.pop("_aisec_ais212_scopes", None)
    return full


def _assert_reach_equal(ctx: FileContext, name: str, seeds: int | None = None) -> int:
    """From each scope (about `seeds` of them, evenly spread, when given; and the module) as
    the only seed, the local reach equals the full one. Returns how many seeds opened some
    nested scope."""
    every = ctx.nodes_of(*ais212._SCOPE_NODES)
    scopes = [ctx.tree, *every[:: max(1, len(every) // seeds) if seeds else 1]]
    nested = 0
    for seed in scopes:
        full = ais212._reaching_scopes(ctx, {seed}, local=False)
        assert ais212._reaching_scopes(ctx, {seed}) == full, (name, getattr(seed, "lineno", 0))
        nested += any(ctx.scope_of(s) is seed for s in full if s is not ctx.tree)
    return nested


def _assert_gate_equal(ctx: FileContext, name: str, monkeypatch: pytest.MonkeyPatch) -> frozenset | None:
    full = _full_open_scopes(ctx, monkeypatch)
    assert ais212._open_scopes(ctx) == full, name
    return full


def _assert_aliases_cover(ctx: FileContext, name: str) -> bool:
    """`_unverified_calls` by line equals the full scan. True when the file has an import
    alias whose target's last part spells a present word."""
    lowered = ais212.identifier_text(ctx).lower()
    present, lines = ais212.word_lines(lowered, ais212._UNVERIFIED_WORDS)
    if not present:
        return False

    def spells(text: str) -> bool:
        return any(word in text.lower() for word in present)

    tables = {alias for table in ctx.imports.values() for alias, target in table.items() if spells(target.rsplit(".", 1)[-1])}
    full = list(ais212._unverified_calls(ctx, present))
    assert list(ais212._unverified_calls(ctx, present, lowered, lines)) == full, name
    return bool(tables)


@pytest.mark.parametrize("crlf", [False, True])
def test_reach_from_each_scope_equals_the_full_scan(crlf):
    seeded = 0
    for name, source in _shared_sources():
        ctx = _context(source.replace("\n", "\r\n") if crlf else source, name)
        seeded += _assert_reach_equal(ctx, name)
    assert seeded > 100


def test_tricky_shapes_reach_and_open_as_the_full_scan(monkeypatch):
    for name, source in SOURCES.items():
        for text in _variants(source):
            ctx = _context(text, name)
            _assert_reach_equal(ctx, name)
            _assert_gate_equal(ctx, name, monkeypatch)
            assert _assert_aliases_cover(ctx, name) == (name != "module_seed.py")
    ctx = _context(TRICKY)
    opened = sorted((s.lineno, getattr(s, "name", "lambda")) for s in ais212._open_scopes(ctx))
    # Seeds in a default's lambda, a decorator's lambda, a class body's lambda, a nested
    # class's method, a helper called through an alias (its caller opens too), a lambda
    # sharing its lines with other statements, imports under their own names.
    assert opened == [(11, "lambda"), (15, "lambda"), (20, "lambda"), (31, "role"), (42, "helper"), (47, "caller"),
                      (52, "lambda"), (56, "far_away"), (60, "last")]
    module = _context(MODULE_SEED)
    assert ais212._open_scopes(module) == frozenset([module.tree, *module.nodes_of(*ais212._SCOPE_NODES)])


@pytest.mark.parametrize("crlf", [False, True])
def test_gate_equals_the_full_scan_on_shared_sources(crlf, monkeypatch):
    opened = every = 0
    for name, source in _shared_sources():
        ctx = _context(source.replace("\n", "\r\n") if crlf else source, name)
        full = _assert_gate_equal(ctx, name, monkeypatch)
        _assert_aliases_cover(ctx, name)
        opened += bool(full)
        every += full is None
    assert opened >= 5 and every >= 10


def test_gate_equals_the_full_scan_on_django(monkeypatch):
    """Django opens few scopes (no Flask, no JWT), so the reach is also compared from seeds
    spread over every file."""
    opened = aliased = seeded = 0
    for name, source in _django_sources():
        ctx = _context(source, name)
        opened += bool(_assert_gate_equal(ctx, name, monkeypatch))
        aliased += _assert_aliases_cover(ctx, name)
        seeded += _assert_reach_equal(ctx, name, seeds=12)
    assert opened >= 1 and aliased >= 1 and seeded > 1000


def test_gate_equals_the_full_scan_on_the_50k_module(monkeypatch):
    source = _pool_module()
    for text in _variants(source):
        ctx = _context(text, "pool.py")
        full = _assert_gate_equal(ctx, "pool.py", monkeypatch)
        assert full and ctx.tree not in full
        _assert_aliases_cover(ctx, "pool.py")
        _assert_reach_equal(ctx, "pool.py", seeds=60)


def test_nested_scopes_are_read_near_the_open_scopes_only():
    """In a large file with one seed, the reach reads the scope nodes of the seed's top-level
    statement only, once, not every scope of the file."""
    noise = "".join(f"\n\ndef g{i}(x):\n    return lambda: x\n" for i in range(300))
    src = (
        "from flask import request\n" + noise + '\n\ndef h():\n    admin = request.cookies["is_admin"]\n\n'
        "    def k():\n        return lambda: admin\n    return k\n"
    )
    ctx = _context(src)
    read: list[int] = []
    original = FileContext.nodes_near_lines

    def counting(self, kind, lines):
        found = original(self, kind, lines)
        if kind in ais212._SCOPE_NODES:
            read.extend(getattr(n, "lineno", 0) for n in found)
        return found

    try:
        FileContext.nodes_near_lines = counting  # type: ignore[method-assign]
        opened = ais212._open_scopes(ctx)
    finally:
        FileContext.nodes_near_lines = original  # type: ignore[method-assign]
    assert sorted(getattr(s, "name", "lambda") for s in opened) == ["h", "k", "lambda"]
    assert sorted(read) == sorted(s.lineno for s in opened)  # h's statement, read once
    assert opened == ais212._reaching_scopes(ctx, {ctx.scope_of(ctx.nodes_of(ast.Subscript)[-1])}, local=False)


def test_anchored_word_patterns_match_exactly_the_texts_that_hold_a_word():
    """The gate's one-pass test (`_UNVERIFIED_ANCHORED`, `_REQUEST_WORD`) says a text holds
    one of the words exactly when a plain search finds one: over random texts from the
    words' own letters (near misses: ``unverifie``, ``peeek``, ``reqest``) and the words
    at every position."""
    import random
    import re

    words = sorted(ais212._UNVERIFIED_WORDS)
    letters = "".join(sorted(set("".join(words)) | set("request_ ")))
    plain_request = re.compile(r"req(?:uest)?(?![A-Za-z0-9_])")
    rng = random.Random(212)
    texts = [w[:-1] for w in words] + [w + w[-1] for w in words] + ["reqest", "requests", "req_", "req", "xrequest"]
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 30)))
        if rng.random() < 0.3:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(words + ["request", "req"]) + text[at:]
        texts.append(text)
    for text in texts:
        holds = any(w in text for w in words)
        assert any(p.search(text) for p in ais212._UNVERIFIED_ANCHORED) == holds, text
        assert [m.end() for m in ais212._REQUEST_WORD.finditer(text)] == [m.end() for m in plain_request.finditer(text)], text
