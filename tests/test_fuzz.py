"""Programs generated from the Python grammar never crash the core (strict mode).

hypothesmith generates source text from the grammar (`from_grammar`) and from libcst's node
types (`from_node`). The core must either find something, find nothing, or (for source that
does not parse on the running Python) return ``[]``: strict mode turns every internal failure
into an exception, so any exception here is a bug.

Generated programs use random identifiers, which the rules rarely look at twice; the grammar
test therefore also checks each program again with its names, attributes and strings rewritten
from a vocabulary of the names the rules do look at (``request``, ``execute``, ``password``, ...),
which sends odd shapes of code down the rules' deeper paths.

Examples are derandomized, so CI runs the same programs every time. The default is small
enough for CI; run thousands locally with::

    AISEC_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import ast
import os
import random
import warnings

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aisec_shared import Settings, check_source

STRICT = Settings(strict=True)
# hypothesmith compiles what it generates; its SyntaxWarnings ("'int' object is not callable")
# are about generated code, not ours (test_robustness checks the core prints no warnings).
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")

EXAMPLES = int(os.environ.get("AISEC_FUZZ_EXAMPLES", "300"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same programs on every run and every machine
    database=None,  # nothing to replay: derandomized runs find the same examples again
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    print_blob=True,
)


def _check(src: str) -> None:
    """The documented contract: findings or ``[]``; never an exception (strict mode)."""
    findings = check_source(src, "fuzz.py", STRICT)
    assert isinstance(findings, list)
    if _parses(src) is None:
        assert findings == [], "source that does not parse must give no findings"


def _parses(src: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None


# Names, attributes and strings that the rules' checks match on.
NAMES = (
    "request", "os", "subprocess", "cursor", "db", "session", "jwt", "hashlib", "pickle", "yaml",
    "requests", "app", "settings", "password", "secret", "token", "api_key", "user", "cmd",
    "query", "eval", "exec", "open", "input", "random", "ssl", "boto3", "s3", "flask", "django",
    "Popen", "md5", "AES", "DES", "render_template_string", "redirect", "Markup", "paramiko",
    "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "CORS_ORIGIN_ALLOW_ALL", "model", "tempfile",
)
ATTRS = (
    "execute", "system", "run", "call", "loads", "load", "get", "post", "args", "form", "json",
    "decode", "encode", "new", "read", "format", "join", "cookies", "set_cookie", "headers",
    "objects", "filter", "raw", "extra", "from_pretrained", "put_bucket_acl", "chmod", "mktemp",
    "verify", "MODE_ECB", "environ", "getenv", "check_password", "compare_digest", "render",
)
STRINGS = (
    "SELECT * FROM users WHERE name = '%s'", "rm -rf {}", "AKIAIOSFODNN7EXAMPLE", "Pg9-prod-Kx72vd",
    "postgres://admin:Pg9-prod-Kx72vd@db.internal/app", "http://example.com/login", "0.0.0.0",
    "public-read", "*", "HS256", "none", "{user}", "%(name)s", "eyJhbGciOiJIUzI1NiJ9.e30.x",
    "-----BEGIN RSA PRIVATE KEY-----", "ghp_" + "a" * 36, "", "../../etc/passwd",
)


class _Vocabulary(ast.NodeTransformer):
    """Rename identifiers, attributes and string constants from the vocabularies above."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        node.id = self.rng.choice(NAMES)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        node.attr = self.rng.choice(ATTRS)
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str) and self.rng.random() < 0.7:
            node.value = self.rng.choice(STRINGS)
        return node

    def visit_keyword(self, node: ast.keyword) -> ast.AST:
        self.generic_visit(node)
        if node.arg is not None and self.rng.random() < 0.5:
            node.arg = self.rng.choice(("shell", "verify", "debug", "algorithms", "secure", "password", "key"))
        return node


def _with_vocabulary(src: str, seed: int) -> str | None:
    tree = _parses(src)
    if tree is None:
        return None
    tree = _Vocabulary(seed).visit(tree)
    try:
        return ast.unparse(tree)
    except (ValueError, RecursionError, AttributeError, TypeError):  # the stdlib's limits, not ours
        return None


@FUZZ
@given(src=hypothesmith.from_grammar(), seed=st.integers(0, 2**32 - 1))
def test_programs_from_the_grammar(src: str, seed: int) -> None:
    _check(src)
    renamed = _with_vocabulary(src, seed)
    if renamed is not None:
        _check(renamed)


@settings(FUZZ, max_examples=max(EXAMPLES // 10, 10))  # libcst generation is ~10x slower
@given(src=hypothesmith.from_node())
def test_programs_from_libcst_nodes(src: str) -> None:
    _check(src)



# --------------------------------------------------------------------------- security-shaped programs
# Random grammar output rarely names a sink or a source. These programs do: small modules built
# from the vocabularies above (imports, sources, sinks, secrets, decorators, f-strings, dict
# literals, comparisons, with-blocks), in arbitrary combinations.
def _name(ctx: ast.expr_context | None = None) -> st.SearchStrategy[ast.expr]:
    return st.sampled_from(NAMES).map(lambda n: ast.Name(n, ctx or ast.Load()))


# Callees the rules know, written the way assistants write them (with HEADER's imports).
DOTTED = (
    "os.system", "os.popen", "subprocess.run", "subprocess.Popen", "cursor.execute", "db.session.execute",
    "pickle.loads", "yaml.load", "hashlib.md5", "hashlib.sha1", "jwt.decode", "jwt.encode", "eval", "exec",
    "requests.get", "requests.post", "app.run", "redirect", "render_template_string", "Markup", "open",
    "random.random", "random.choice", "tempfile.mktemp", "os.chmod", "AES.new", "s3.put_bucket_acl",
    "request.args.get", "request.form", "request.json", "request.cookies.get", "os.environ.get", "os.getenv",
    "ssl.SSLContext", "paramiko.AutoAddPolicy", "make_response", "response.set_cookie", "User.objects.raw",
    "AutoModel.from_pretrained", "hmac.compare_digest", "send_file", "urllib.request.urlopen", "etree.fromstring",
)
HEADER = ast.parse(
    "import os, subprocess, pickle, yaml, hashlib, jwt, requests, random, tempfile, ssl, hmac, paramiko, boto3\n"
    "import urllib.request\nfrom lxml import etree\nfrom Crypto.Cipher import AES\n"
    "from transformers import AutoModel\nfrom django.contrib.auth.models import User\n"
    "from flask import Flask, request, redirect, render_template_string, make_response, send_file\n"
    "from markupsafe import Markup\napp = Flask(__name__)\ns3 = boto3.client('s3')\n"
).body


def _dotted(path: str) -> ast.expr:
    head, *rest = path.split(".")
    node: ast.expr = ast.Name(head, ast.Load())
    for part in rest:
        node = ast.Attribute(node, part, ast.Load())
    return node


_LEAF = st.one_of(
    _name(),
    st.sampled_from(DOTTED).map(_dotted),
    st.sampled_from(STRINGS).map(ast.Constant),
    st.sampled_from((None, True, False, 0, 1, 0o777, 3600 * 24 * 365, 1024, 2.5)).map(ast.Constant),
)


def _grow(children: st.SearchStrategy[ast.expr]) -> st.SearchStrategy[ast.expr]:
    return st.one_of(
        st.builds(ast.Attribute, children, st.sampled_from(ATTRS), st.just(ast.Load())),
        st.builds(
            ast.Call,
            st.one_of(st.sampled_from(DOTTED).map(_dotted), children),
            st.lists(children, max_size=3),
            st.lists(
                st.builds(ast.keyword, st.sampled_from(("shell", "verify", "debug", "algorithms", "secure", "mode", None)), children),
                max_size=2,
            ),
        ),
        st.builds(ast.BinOp, children, st.sampled_from((ast.Add(), ast.Mod(), ast.BitOr())), children),
        st.builds(ast.Subscript, children, children, st.just(ast.Load())),
        st.builds(ast.Compare, children, st.lists(st.sampled_from((ast.Eq(), ast.NotEq(), ast.In(), ast.Is())), min_size=1, max_size=1), st.lists(children, min_size=1, max_size=1)),
        st.lists(children, max_size=3).map(lambda vs: ast.JoinedStr([ast.FormattedValue(v, -1, None) for v in vs])),
        st.lists(st.tuples(st.sampled_from(STRINGS + NAMES).map(ast.Constant), children), max_size=3).map(
            lambda kv: ast.Dict([k for k, _ in kv], [v for _, v in kv])
        ),
        st.lists(children, max_size=3).map(lambda vs: ast.List(vs, ast.Load())),
        st.builds(ast.BoolOp, st.sampled_from((ast.And(), ast.Or())), st.lists(children, min_size=2, max_size=2)),
    )


EXPR = st.recursive(_LEAF, _grow, max_leaves=12)


def _stmt(body: st.SearchStrategy[list[ast.stmt]]) -> st.SearchStrategy[ast.stmt]:
    simple = st.one_of(
        st.builds(ast.Assign, st.lists(_name(ast.Store()), min_size=1, max_size=1), EXPR),
        st.builds(ast.Expr, EXPR),
        st.builds(ast.Return, EXPR),
        st.builds(ast.Assert, EXPR),
        st.lists(st.sampled_from(NAMES), min_size=1, max_size=3).map(lambda ns: ast.Import([ast.alias(n) for n in ns])),
        st.builds(lambda m, ns: ast.ImportFrom(m, [ast.alias(n) for n in ns], 0), st.sampled_from(NAMES), st.lists(st.sampled_from(NAMES + ATTRS), min_size=1, max_size=3)),
    )
    compound = st.one_of(
        st.builds(
            lambda name, args, body, decos: ast.FunctionDef(
                name, ast.arguments([], [ast.arg(a) for a in args], None, [], [], None, []), body, decos, None
            ),
            st.sampled_from(NAMES + ATTRS),
            st.lists(st.sampled_from(NAMES), max_size=3, unique=True),
            body,
            st.lists(EXPR, max_size=2),
        ),
        st.builds(lambda name, body: ast.ClassDef(name, [], [], body, []), st.sampled_from(NAMES), body),
        st.builds(lambda test, body, orelse: ast.If(test, body, orelse), EXPR, body, st.lists(simple, max_size=2)),
        st.builds(lambda ctx, body: ast.With([ast.withitem(ctx, ast.Name("f", ast.Store()))], body), EXPR, body),
        st.builds(lambda body, handler: ast.Try(body, [ast.ExceptHandler(None, None, handler)], [], []), body, body),
    )
    return st.one_of(simple, compound)


STMTS = st.recursive(
    st.lists(_stmt(st.just([ast.Pass()])), min_size=1, max_size=4),
    lambda inner: st.lists(_stmt(inner), min_size=1, max_size=4),
    max_leaves=8,
)


@FUZZ
@given(body=STMTS, comment=st.sampled_from(("", "  # noqa", "  # noqa: AIS401", "  # aisec: ignore[AIS101] reviewed", "  # pylint: disable=ais101")))
def test_security_shaped_programs(body: list[ast.stmt], comment: str) -> None:
    tree = ast.fix_missing_locations(ast.Module([*HEADER, *body], []))
    try:
        src = ast.unparse(tree)
    except (ValueError, RecursionError, AttributeError, TypeError):  # an impossible tree
        return
    if comment:
        src = "\n".join(line + comment if i % 2 else line for i, line in enumerate(src.splitlines())) + "\n"
    _check(src)
