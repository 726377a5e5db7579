"""Per-scope pre-checks: a rule whose cost should depend on the code near a node, not on the
whole file, answers "nothing here" per scope; that answer must never hide a finding."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest
from conftest import FIXTURES, TESTS, parsed_sources

from aisec_shared import Settings
from aisec_shared.analysis.context import FileContext
from aisec_shared.rules import ais212_client_controlled_identity as ais212

# Findings that reach their source across scopes: a closure over an outer local, a helper
# called by name, a method called through self, unverified claims from a helper's helper.
CROSS_SCOPE = '''\
from flask import abort, request


def view():
    is_admin = request.cookies.get("is_admin")

    def inner():
        if is_admin == "true":
            return 1
        return 0

    return inner


def current_role():
    return request.headers.get("X-User-Role")


def refund():
    if current_role() == "admin":
        abort(403)


class View:
    def role(self):
        return request.headers.get("X-User-Role")

    def post(self):
        if self.role() != "admin":
            abort(403)


def get_claims(token):
    return unverified_claims(token)


def unverified_claims(token):
    return {}


def claims_view():
    claims = get_claims(request.args["t"])
    if claims["role"] == "admin":
        return 1


def other(x):
    if x == "admin":
        return 2
'''

_DECISIONS = {
    ast.Compare: ais212.check_compare,
    ast.If: ais212.check_truthiness,
    ast.While: ais212.check_truthiness,
    ast.IfExp: ais212.check_truthiness,
    ast.Assert: ais212.check_truthiness,
}


def _context(source: str, name: str = "t.py") -> FileContext:
    return FileContext(ast.parse(source), source.splitlines(True), name, Settings())


def _full_reports(ctx: FileContext, monkeypatch: pytest.MonkeyPatch) -> dict[ast.AST, list]:
    """Each decision node's findings with the pre-check (and the file gate) held open."""
    with monkeypatch.context() as m:
        m.setattr(ais212, "_open_scopes", lambda ctx: None)
        return {n: list(_DECISIONS[type(n)](n, ctx)) for n in ctx.nodes if type(n) in _DECISIONS}


def _assert_precheck_exact(source: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every decision node keeps its findings; every `client_privilege` value sits in an open
    scope."""
    ctx = _context(source, name)
    for node, hits in _full_reports(ctx, monkeypatch).items():
        if hits:
            assert ais212._may_hold_client_privilege(ctx), (name, node.lineno)
            assert ais212._scope_may_hold(ctx, node), (name, node.lineno)
        assert [repr(h) for h in _DECISIONS[type(node)](node, ctx)] == [repr(h) for h in hits], (name, node.lineno)
    for node in ctx.nodes:
        if isinstance(node, (ast.Name, ast.Subscript, ast.Call, ast.Attribute)) and ais212.client_privilege(ctx, node):
            assert ais212._scope_may_hold(ctx, node), (name, node.lineno, ast.dump(node)[:80])


CASES = [*sorted(FIXTURES.glob("ais212_*.py")), *sorted((TESTS / "cases").glob("*.py"))]


def test_ais212_scope_precheck_never_hides_a_cross_scope_finding(monkeypatch):
    _assert_precheck_exact(CROSS_SCOPE, "cross_scope.py", monkeypatch)


@pytest.mark.parametrize("path", CASES, ids=[c.name for c in CASES])
def test_ais212_scope_precheck_never_hides_a_finding(path: Path, monkeypatch):
    source = path.read_text(encoding="utf-8")  # noqa: AIS407 the repository's own test files
    try:
        ast.parse(source)
    except SyntaxError:  # a newer grammar than this interpreter's (type aliases)
        pytest.skip(f"{path.name} does not parse on this Python")
    _assert_precheck_exact(source, path.name, monkeypatch)


def test_ais212_cross_scope_findings_stay_and_unrelated_scopes_close(monkeypatch):
    ctx = _context(CROSS_SCOPE)
    full = _full_reports(ctx, monkeypatch)
    reported = sorted(n.lineno for n, hits in full.items() if hits)
    assert reported == [8, 20, 29, 43]
    for node in full:
        hits = list(_DECISIONS[type(node)](node, ctx))
        assert [repr(h) for h in hits] == [repr(h) for h in full[node]], node.lineno
    other = next(n for n in ctx.nodes if isinstance(n, ast.FunctionDef) and n.name == "other")
    decision = next(n for n in ast.walk(other) if isinstance(n, ast.Compare))
    assert not ais212._scope_may_hold(ctx, decision)  # the check returns at once there


# Statements that share lines, decorators above their def, a conditional expression whose
# test (visited first) sits below its body, calls on the line a multi-line statement ends.
TRICKY = '''\
import jwt
from jwt import get_unverified_header as peek_at

@decorate(
    make())
def handler(token):
    return peek_at(token)

a = f(
    k()); b = g(); c = (
    x() if
    y() else z())
claims = jwt.decode(token, options={"verify_signature": False}); unsafe_thing(
    1)

class Box:
    @staticmethod
    def run(): return insecure_call()
'''


def _near_cases() -> list[tuple[str, str]]:
    return [("tricky.py", TRICKY), ("cross_scope.py", CROSS_SCOPE), *((p.name, text) for p, text, _ in parsed_sources(CASES))]


@pytest.mark.parametrize("kind", [ast.Call, ast.Attribute, ast.Name, ast.Compare])
def test_nodes_near_lines_holds_every_node_on_the_lines(kind):
    """Each line's nodes (by start or end line) are in the answer, in `nodes_of` order; the
    answer is the nodes of the top-level statements that span the line."""
    for name, source in _near_cases():
        ctx = _context(source, name)
        every = ctx.nodes_of(kind)
        order = {id(n): i for i, n in enumerate(every)}
        tops = [(min([s.lineno, *(d.lineno for d in getattr(s, "decorator_list", ()))]), s.end_lineno, s)
                for s in ctx.tree.body]
        for line in range(1, len(ctx.lines) + 1):
            near = ctx.nodes_near_lines(kind, {line})
            assert [order[id(n)] for n in near] == sorted(order[id(n)] for n in near), (name, line)
            on_line = {id(n) for n in every if line in (n.lineno, n.end_lineno)}
            assert on_line <= {id(n) for n in near}, (name, line)
            spanning = [s for first, last, s in tops if first <= line <= last]
            inside = {id(n) for s in spanning for n in ast.walk(s) if type(n) is kind}
            assert inside <= {id(n) for n in near}, (name, line)
        assert ctx.nodes_near_lines(kind, set()) == []


def test_nodes_near_lines_reads_only_the_spanning_statements():
    ctx = _context(TRICKY)
    # The decorated def is one statement: its body (visited first) and its decorators.
    assert [n.func.id for n in ctx.nodes_near_lines(ast.Call, {4})] == ["peek_at", "decorate", "make"]
    # `a = ...; b = ...; c = ...` share lines: one block, whichever line is asked.
    assert sorted(n.func.id for n in ctx.nodes_near_lines(ast.Call, {11})) == ["f", "g", "k", "x", "y", "z"]


@pytest.mark.parametrize("crlf", [False, True])
def test_ais212_unverified_calls_by_line_equal_the_full_scan(crlf):
    """`_unverified_calls` narrowed to the lines that spell a word finds the same calls as
    the scan of every call (aliased imports, decorators, shared lines, CRLF files)."""
    for name, source in _near_cases():
        if crlf:
            source = source.replace("\n", "\r\n")
        ctx = _context(source, name)
        lowered = ais212.identifier_text(ctx).lower()
        present, lines = ais212.word_lines(lowered, ais212._UNVERIFIED_WORDS)
        assert (lines is None) == (crlf and bool(present))
        full = list(ais212._unverified_calls(ctx, present))
        assert list(ais212._unverified_calls(ctx, present, lowered, lines)) == full, name
        if name == "tricky.py":
            assert sorted(c.func.attr if isinstance(c.func, ast.Attribute) else c.func.id for c in full) == [
                "insecure_call", "peek_at", "unsafe_thing"]


def test_ais212_decisions_of_open_scopes_equal_every_decision():
    """`check_decisions` reads the decision nodes of the open scopes' top-level statements
    only: the same findings as both checks on every decision node of the file."""
    for name, source in _near_cases():
        ctx = _context(source, name)
        if not ais212._may_hold_client_privilege(ctx):
            continue
        every = [repr(h) for kind, check in ais212._DECISIONS for n in ctx.nodes_of(kind) for h in check(n, ctx)]
        assert [repr(h) for h in ais212.check_decisions(ctx.tree, ctx)] == every, name
    ctx = _context(CROSS_SCOPE)
    assert len(list(ais212.check_decisions(ctx.tree, ctx))) == 4


SESSIONS = '''\
from flask import request
from flask import session as user_store
import flask.globals as fg


def login():
    user_store["user_id"] = request.args["uid"]


def promote():
    fg.session["role"] = request.cookies.get("role")
    request.session["is_admin"] = request.form["admin"]
    user_store["visits"] += int(request.args["n"])


def other():
    data = {}
    data["user_id"] = request.args["uid"]
'''


def test_session_writes_are_read_only_from_statements_that_spell_them():
    """AIS212 and AIS415 read session writes from `nodes_spelling`: the same findings as
    their per-assignment logic over every assignment, aliases of flask.session included."""
    from aisec_shared.analysis.taint import nodes_spelling
    from aisec_shared.rules import ais415_trust_boundary_violation as ais415

    kinds = (ast.Assign, ast.AugAssign)
    for name, source in [("sessions.py", SESSIONS), *_near_cases()]:
        ctx = _context(source, name)
        near = {id(n) for n in nodes_spelling(ctx, kinds, "session", ais415.SESSION_QUALNAMES)}
        for node in ctx.nodes_of(*kinds):
            if list(ais212._session_writes(ctx, node)) or list(ais415._stored(node, ctx)):
                assert id(node) in near, (name, node.lineno)
        assert [repr(h) for h in ais212.check_session_assign(ctx.tree, ctx)] == [
            repr(h) for n in ctx.nodes_of(*kinds) for h in ais212._session_hits(n, ctx)], name
        assert [repr(h) for h in ais415.check_session_write(ctx.tree, ctx)] == [
            repr(h) for n in ctx.nodes_of(*kinds) for h in ais415._judge_writes(n, ctx)], name
    ctx = _context(SESSIONS)
    assert [h.node.lineno for h in ais415.check_session_write(ctx.tree, ctx)] == [7, 11, 12]
    # The alias `user_store` counts as a spelling; `other` spells neither.
    assert [n.lineno for n in nodes_spelling(ctx, kinds, "session", ais415.SESSION_QUALNAMES)] == [7, 11, 12, 13]


EXEMPTS = '''\
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt as no_token
from django.views.decorators.http import require_POST


@no_token
@login_required
@require_POST
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


@login_required
@require_POST
def change_name(request):
    request.user.name = request.POST["name"]
    request.user.save()
    return JsonResponse({"ok": True})
'''


def test_ais213_exempt_views_are_read_only_from_statements_that_spell_them():
    from aisec_shared.rules import ais213_csrf_protection_disabled as ais213

    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    for name, source in [("exempts.py", EXEMPTS), *_near_cases()]:
        ctx = _context(source, name)
        assert [repr(h) for h in ais213.check_exempt_views(ctx.tree, ctx)] == [
            repr(h) for n in ctx.nodes_of(*kinds) for h in ais213.check_exempt_view(n, ctx)], name
    ctx = _context(EXEMPTS)
    assert [h.node.lineno for h in ais213.check_exempt_views(ctx.tree, ctx)] == [7]


def test_one_byte_view_finds_ascii_words_on_the_same_lines():
    """`one_byte` (UTF-8 bytes read as Latin-1) answers ASCII word searches and their line
    numbers as the text itself does, lowered too (no U+0130 in the text)."""
    from aisec_shared.analysis.taint import one_byte, word_lines

    words = ["session", "umask", "peek", "unsafe", "e", "t"]
    samples = [
        TRICKY, SESSIONS,
        "caf\u00e9 = session\r\nx = '\U0001f600'; umask(0)\n\u00e9t\u00e9 = peek\n",
        "\u4e2d\u6587 = 1\nunsafe_\u00fc = 2\n\u03a3\u03c3 = unsafe\n" * 3,
    ]
    for text in samples:
        view = one_byte(text)
        assert view.isascii() or max(view) <= "\xff"
        for word in words:
            assert word_lines(view, [word]) == word_lines(text, [word]), (word, text[:20])
            assert (word in view) == (word in text)
        assert word_lines(view.lower(), words) == word_lines(text.lower(), words)


RESPONSES = '''\
from django.http import HttpResponse as Reply
from flask import make_response, request


def first(next_url):
    return Reply(status=302, headers={"Location": next_url})


def second():
    response = make_response("x")
    response.headers["X-Name"] = request.args["name"]
    return response


def third(environ, start_response):
    start_response("302 Found", [("Location", environ["QUERY_STRING"])])
    return []
'''


def test_header_nodes_read_only_from_statements_that_spell_them(monkeypatch):
    """`responses.header_nodes` reads calls only from the statements that spell a response
    ending, start_response or a name imported as a response: the same nodes as reading
    every call, aliases included."""
    from aisec_shared.analysis import responses

    for name, source in [("responses.py", RESPONSES), *_near_cases()]:
        narrowed = responses.header_nodes(_context(source, name))
        with monkeypatch.context() as m:
            m.setattr(responses, "spelled_lines", lambda ctx, words: None)
            every = responses.header_nodes(_context(source, name))
        assert [(type(n).__name__, n.lineno, n.col_offset) for n in narrowed] == [
            (type(n).__name__, n.lineno, n.col_offset) for n in every], name
    ctx = _context(RESPONSES)
    assert [n.lineno for n in responses.header_nodes(ctx) if isinstance(n, ast.Call)] == [6, 10]


def test_scope_of_every_node_is_its_nearest_scope_ancestor():
    """`FileContext.scope_of` answers for every node what the rule the index applies gives:
    a child's scope is its parent when that is a module, def, lambda or class, else its
    parent's scope; the module for a node outside the tree."""
    from aisec_shared.analysis.context import SCOPE_TYPES

    for name, source in _near_cases():
        tree = ast.parse(source)
        expected = {id(tree): tree}
        work = [tree]
        while work:
            node = work.pop()
            for child in ast.iter_child_nodes(node):
                expected[id(child)] = node if isinstance(node, SCOPE_TYPES) else expected[id(node)]
                work.append(child)
        # The index records the scopes of names and scope nodes; the others are found from
        # the parents on demand and memoised on the way: the answers must not depend on which
        # nodes were asked about first.
        for order in ("pre-order", "reversed", "shuffled"):
            ctx = FileContext(tree, source.splitlines(True), name, Settings())
            nodes = list(ctx.nodes)
            if order == "reversed":
                nodes.reverse()
            elif order == "shuffled":
                random.Random(7).shuffle(nodes)
            for node in nodes:
                assert ctx.scope_of(node) is expected[id(node)], (name, order, type(node).__name__, getattr(node, "lineno", 0))
            assert ctx.scope_of(ast.Name("x")) is tree


def test_spelled_lines_searches_only_the_words_that_hold_no_other():
    """`taint.spelled_lines` skips a word that holds another of its words (its lines are
    among the other's): the lines equal the union of each word's own `word_lines`."""
    from aisec_shared.analysis import taint

    word_sets = [
        ["Response", "HttpResponse", "JsonResponse", "start_response", "make_response"],
        ["session", "sessions", "flask_session", "s"],
        ["umask", "umask"],
        ["HttpResponse"],
        ["request", "req", "requests"],
    ]
    searched: list[list[str]] = []
    real = taint.word_lines

    def spy(text: str, words: list[str]):
        searched.append(sorted(words))
        return real(text, words)

    for name, source in _near_cases():
        ctx = _context(source, name)
        text = taint.identifier_view(ctx)
        for words in word_sets:
            expected: set[int] = set()
            for word in words:
                expected |= real(text, [word])[1] or set()
            searched.clear()
            with pytest.MonkeyPatch.context() as m:
                m.setattr(taint, "word_lines", spy)
                assert taint.spelled_lines(ctx, words) == expected, (name, words)
            assert searched == [sorted({w for w in words if not any(v != w and v in w for v in words)})]


def test_nodes_spelling_is_answered_once_per_file_and_arguments():
    """AIS212 and AIS415 ask `nodes_spelling` the same question: one answer, the same list."""
    from aisec_shared.analysis import taint

    ctx = _context("from flask import session as s\n\ns['user'] = 1\nx = 2\n")
    first = taint.nodes_spelling(ctx, (ast.Assign,), "session", frozenset({"flask.session"}))
    assert [n.lineno for n in first] == [3]
    assert taint.nodes_spelling(ctx, (ast.Assign,), "session", frozenset({"flask.session"})) is first
    assert [n.lineno for n in taint.nodes_spelling(ctx, (ast.Assign,), "session")] == []
