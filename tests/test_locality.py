"""Per-scope pre-checks: a rule whose cost should depend on the code near a node, not on the
whole file, answers "nothing here" per scope; that answer must never hide a finding."""

from __future__ import annotations

import ast
import pytest
from conftest import FIXTURES, TESTS

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
