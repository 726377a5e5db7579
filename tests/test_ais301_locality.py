"""AIS301's body checks ask taint only when it decides the answer (`auth._authenticates`).

A taint query (`auth.is_client_value`) may build the flow of the whole function and of the
module's top-level code; in a 50,000-line module that pass is large. `_authenticates` asks
it last, and only for a weak or denying test without a credential word: the only case where
a client value changes the answer. These tests hold the shortcut to the single-walk
definition it replaced, and check that the query is really skipped.
"""

from __future__ import annotations

import ast
import textwrap

import pytest
from conftest import FIXTURES, TESTS

from aisec_shared import Settings
from aisec_shared.analysis import auth
from aisec_shared.analysis.context import FileContext
from aisec_shared.engine import check_source


def _reference(ctx: FileContext, test: ast.AST, denial: bool) -> str | None:
    """`auth._authenticates` as one walk that asks `is_client_value` on the way (the
    definition before the shortcut)."""
    client = credential = weak = False
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr in auth._STRONG_ATTRS:
            return "user"
        if isinstance(node, ast.Call) and auth.permission_call(ctx, node, strict=False):
            return "credential" if set(auth.split_words(auth._last(node.func))) & auth._CREDENTIAL_CALL_WORDS else "user"
        if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) and auth.is_identity(ctx, node):
            return "user"
        if isinstance(node, ast.Name) and auth._secret_lookup(ctx, node):
            return "credential"
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            if any(auth._is_session(ctx, c) for c in node.comparators) and auth._session_key_is_user(ctx, node.left):
                return "user"
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        text = ctx.const_str(node) if isinstance(node, ast.Constant) else None
        for item in (name, text if text and len(text) < 60 else None):
            if item:
                words = set(auth.split_words(item))
                if words & auth._CREDENTIAL_WORDS or ("key" in words and words & auth._KEY_QUALIFIERS):
                    credential = True
                elif words & auth._TEST_WORDS:
                    weak = True
        if not client and isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) and auth.is_client_value(ctx, node):
            client = True
    if credential:
        return "credential"
    if client:
        return None
    return "user" if weak or denial else None


def _corpus() -> list:
    files = sorted(FIXTURES.glob("ais3*.py")) + sorted(FIXTURES.glob("ais2*.py")) + sorted((TESTS / "cases").glob("*.py"))
    return [*files, "snippets"]


# Tests whose answer a client value decides, and look-alikes on either side of each branch.
SNIPPETS = '''\
from flask import Flask, abort, request, session
from flask_login import current_user

app = Flask(__name__)
ADMIN_ROLE = "admin"
API_KEY = "k"


@app.post("/a")
def role_header():
    if request.headers.get("X-Role") != ADMIN_ROLE:
        abort(403)


@app.post("/b")
def role_constant(role="admin"):
    if role != ADMIN_ROLE:
        abort(403)


@app.post("/c")
def api_key_header():
    if request.headers.get("X-Api-Key") != API_KEY:
        abort(401)


@app.post("/d")
def staff_flag():
    staff = request.form.get("staff")
    if not staff:
        return "no", 403


@app.post("/e")
def plain_test():
    if request.args.get("x"):
        return "x"


@app.post("/f")
def user_session():
    if "user_id" not in session:
        abort(401)


@app.post("/g")
def admin_module_flag():
    if not ADMIN_ROLE:
        abort(403)
'''


@pytest.mark.parametrize("source", _corpus(), ids=lambda p: getattr(p, "name", p))
def test_shortcut_answers_as_the_single_walk(source):
    """Every ``if`` test in the authorization fixtures, the cases and the snippets above, with
    and without a denial: the shortcut answers what the one-walk definition answers."""
    src = SNIPPETS if source == "snippets" else source.read_text("utf-8")  # noqa: AIS407 the repository's own test files
    try:
        tree = ast.parse(src)
    except SyntaxError:
        pytest.skip("syntax newer than this Python (a case for a later version)")
    ctx = FileContext(tree, src.splitlines(True), "views.py", Settings())
    for node in ctx.nodes_of(ast.If):
        for denial in (False, True):
            assert auth._authenticates(ctx, node.test, denial) == _reference(ctx, node.test, denial), (
                getattr(source, "name", source),
                node.lineno,
                denial,
            )


def test_client_value_still_decides_a_weak_or_denying_test():
    """The branch the shortcut keeps: a role header or a staff flag from the form
    authenticates nobody (None), a module constant in the same place does (``"user"``)."""
    ctx = FileContext(ast.parse(SNIPPETS), SNIPPETS.splitlines(True), "views.py", Settings())
    by_name = {f.name: next(n.test for n in ast.walk(f) if isinstance(n, ast.If)) for f in ctx.nodes_of(ast.FunctionDef)}
    assert auth._authenticates(ctx, by_name["role_header"], True) is None
    assert auth._authenticates(ctx, by_name["staff_flag"], True) is None
    assert auth._authenticates(ctx, by_name["admin_module_flag"], True) == "user"
    assert auth._authenticates(ctx, by_name["api_key_header"], True) == "credential"
    # Neither weak nor denying: None whatever it reads.
    assert auth._authenticates(ctx, by_name["plain_test"], False) is None


def test_reported_when_the_check_reads_only_client_data():
    """End to end: the role-header handler is reported next to a handler that logs in."""
    src = textwrap.dedent(
        '''\
        from flask import Flask, abort, request
        from flask_login import login_required

        app = Flask(__name__)


        @app.post("/notes")
        @login_required
        def add_note():
            save()


        @app.post("/refund")
        def refund():
            if request.headers.get("X-Role") != "admin":
                abort(403)
            issue_refund()
        '''
    )
    lines = [f.line for f in check_source(src, "app.py", Settings()) if f.code == "AIS301"]
    assert lines == [14]  # the def line


NO_QUERY = '''\
import os

from flask import Flask, abort, request

app = Flask(__name__)
DEBUG = os.environ.get("DEBUG")
LIMIT = int(os.environ.get("LIMIT", "5"))


@app.post("/a")
def a(user=None):
    if user is not None:
        save()


@app.post("/b")
def b():
    token = request.headers.get("X-Token")
    if token != os.environ["TOKEN"]:
        abort(401)
    save()


@app.post("/c")
def c():
    if DEBUG:
        save()
'''


def test_no_taint_query_where_it_cannot_decide(monkeypatch):
    """A test that is neither weak nor denying, or that names a credential, asks no taint
    query; the module's top-level pass is never built for AIS301 here."""
    asked = []
    real = auth.is_client_value

    def spy(ctx, expr):
        asked.append(ast.unparse(expr))
        return real(ctx, expr)

    monkeypatch.setattr(auth, "is_client_value", spy)
    ctx = FileContext(ast.parse(NO_QUERY), NO_QUERY.splitlines(True), "views.py", Settings())
    for node in ctx.nodes_of(ast.If):
        auth._authenticates(ctx, node.test, False)
    assert asked == []
    # The one case that needs it asks it.
    test = ctx.nodes_of(ast.If)[0].test
    assert ast.unparse(test) == "user is not None"
    auth._authenticates(ctx, test, True)
    assert asked
