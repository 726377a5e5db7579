"""AIS106's gate is local to the query: `secrets.may_carry_secret` answers "the walk from this
value can find no secret" from what that walk can read, not from the whole file (a 50,000-line
module that holds a ``password`` somewhere must not open every raise). That answer must never
hide a finding: each case below reaches its secret by one step of the walk only, and the
mutation test checks that leaving any of those steps out of the gate loses a finding here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, TESTS, parsed_sources

from aisec_shared import Settings, check_source
from aisec_shared.analysis import secrets
from aisec_shared.analysis.context import FileContext
from aisec_shared.rules import ais106_logged_secret as ais106

LOW = Settings.from_mapping({"aisec_min_confidence": "low"})
HEAD = "import logging\nimport os\n\nlog = logging.getLogger(__name__)\n"

# Each secret is reached through one kind of step only (no secret-like name on the way).
CASES = {
    "module binding in another statement": (
        'V = os.environ["PAYMENT_API_KEY"]\n\n\ndef f():\n    log.info(V)\n', 5),
    "environment variable named by a module constant": (
        'NAME = "DB_PASSWORD"\n\n\ndef f():\n    log.info(os.environ[NAME])\n', 5),
    "environment variable through .get and a constant": (
        'NAME = "DB_PASSWORD"\n\n\ndef f():\n    log.info(os.environ.get(NAME))\n', 5),
    "getenv by keyword": (
        'NAME = "DB_PASSWORD"\n\n\ndef f():\n    log.info(os.getenv(key=NAME))\n', 5),
    "helper's return value": (
        'def load():\n    return os.environ["SECRET_KEY"]\n\n\ndef f():\n    log.info(load())\n', 6),
    "helper's parameter": (
        'def wrap(v):\n    return v\n\n\ndef f():\n    log.info(wrap(os.environ["API_KEY"]))\n', 6),
    "method through self": (
        'class C:\n    def _k(self):\n        return os.environ["API_KEY"]\n\n'
        '    def f(self):\n        log.info(self._k())\n', 6),
    "attribute the class assigns": (
        'class C:\n    def __init__(self):\n        self.v = os.environ["API_KEY"]\n\n'
        '    def f(self):\n        raise ValueError(self.v)\n', 6),
    "imported getter under another name": (
        'from creds import load_token as lt\n\n\ndef f():\n    log.info(lt())\n', 5),
    "imported value under another name": (
        'from appsettings import SECRET_KEY as K\n\n\ndef f():\n    log.info(K)\n', 5),
    "literal dict key": (
        'def f(v):\n    log.info({"password": v})\n', 2),
    "dict() keyword": (
        'def f(v):\n    log.info(dict(password=v))\n', 2),
    "header named by a module constant": (
        'H = "Authorization"\n\n\ndef view(request):\n    log.info(request.headers[H])\n', 5),
    "FastAPI Header alias": (
        'from fastapi import Header\n\n\ndef view(auth: str = Header(alias="Authorization")):\n    log.info(auth)\n', 5),
    "list filled by append": (
        'def f():\n    parts = []\n    parts.append(os.environ["API_KEY"])\n    log.info(parts)\n', 4),
    "same name, another function first": (
        'def a(v):\n    raise ValueError("bad %s" % v)\n\n\ndef b():\n    v = os.environ["API_KEY"]\n'
        '    raise ValueError("bad %s" % v)\n', 7),
    "same name, another function first, no raise": (
        'def a(v):\n    log.info([v])\n\n\ndef b():\n    v = os.environ["API_KEY"]\n    log.info([v])\n', 7),
    "secret word far into a long name": (
        'def f():\n    log.info(os.environ["MY_APPLICATION_DATABASE_PASSWORD"])\n', 2),
    "raise in a file that asks the file-wide gate first": (
        'def load():\n    return os.environ["SECRET_KEY"]\n\n\ndef f():\n    raise ValueError(load())\n', 6),
}


def _ais106(src: str) -> list[int]:
    return [f.line - HEAD.count("\n") for f in check_source(HEAD + src, "t.py", LOW) if f.code == "AIS106"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_secret_reached_through_one_step(name):
    src, line = CASES[name]
    assert _ais106(src) == [line]


def _without(step):
    """`_Reach._step` with one kind of step left out (for the mutation test)."""
    original = secrets._Reach._step

    def mutated(self, mode, node):
        out = original(self, mode, node)
        return out if out is True else step(self, mode, node, out)

    return mutated


def _children(node):
    func = node.func
    found = [func.value] if isinstance(func, ast.Attribute) else []
    return [*found, *node.args, *(k.value for k in node.keywords)]


MUTATIONS = {
    "no key reads": lambda self, mode, node, out: [] if mode == secrets._KEY else [i for i in out if i[0] != secrets._KEY],
    "no bindings": lambda self, mode, node, out: [] if type(node) is ast.Name else out,
    "no returns": lambda self, mode, node, out: (
        [i for i in out if any(i[1] is c for c in _children(node))] if type(node) is ast.Call else out),
    "no class attributes": lambda self, mode, node, out: out[:1] if type(node) is ast.Attribute else out,
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_each_step_of_the_gate_is_needed(monkeypatch, mutation):
    """Leaving a step out of the gate (not the walk) loses a finding of `CASES`: the cases
    check the gate, not only the walk."""
    monkeypatch.setattr(secrets._Reach, "_step", _without(MUTATIONS[mutation]))
    lost = [name for name, (src, line) in CASES.items() if _ais106(src) != [line]]
    assert lost


@pytest.mark.parametrize("texts", ["imports", "keywords", "dict keys", "header alias"])
def test_each_text_of_the_gate_is_needed(monkeypatch, texts):
    """Not reading a kind of text in the gate loses the finding that only that text gives."""
    case = {
        "imports": "imported value under another name",
        "keywords": "dict() keyword",
        "dict keys": "literal dict key",
        "header alias": "FastAPI Header alias",
    }[texts]
    original = secrets._Reach.seed
    blind = {
        "imports": "SECRET_KEY", "keywords": "password", "dict keys": "password", "header alias": "Authorization",
    }[texts]
    monkeypatch.setattr(secrets._Reach, "seed", lambda self, text: text != blind and original(self, text))
    src, line = CASES[case]
    assert _ais106(src) != [line]


def test_text_verdict_is_any_starts_secret():
    """The gate's per-text verdict (a marker search on the text's tail first) is
    `_any_starts_secret`'s, over every identifier and string of the fixtures and a few
    long, odd or non-ASCII texts."""
    texts: set[str] = {"x" * 300 + "password", "password" + "x" * 300, "API_\u0130KEY", "s\u0130crET", "a\x00token"}
    for path in sorted(FIXTURES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Name):
                texts.add(node.id)
            elif isinstance(node, ast.Attribute):
                texts.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
    src = "x = 1\n"
    ctx = FileContext(ast.parse(src), src.splitlines(True), "t.py", Settings())
    reach = secrets._Reach(ctx)
    verdicts = {t: reach.seed(t) for t in texts}
    assert verdicts == {t: secrets._any_starts_secret(ctx, {t}) for t in texts}
    assert sum(verdicts.values()) > 100


def _files() -> list[Path]:
    return sorted([*FIXTURES.glob("*.py"), *(TESTS / "cases").glob("*.py"), *EXAMPLES.rglob("*.py")])


@pytest.mark.parametrize("reverse", [False, True])
def test_gate_agrees_with_the_walk(reverse):
    """Wherever the walk finds a secret, in any expression of the fixtures, cases and
    examples, the gate is open; asked in source order and in reverse (the gate's memo of
    nodes that lead nowhere is shared by the queries of a file)."""
    checked = found = 0
    for path, text, tree in parsed_sources(_files()):
        ctx = FileContext(tree, text.splitlines(True), str(path), Settings())
        nodes = [n for n in ctx.nodes if isinstance(n, ast.expr) and not isinstance(n, ast.Constant)]
        for node in reversed(nodes) if reverse else nodes:
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                continue
            checked += 1
            if secrets.trace_secret(ctx, node) is not None:
                found += 1
                assert secrets.may_carry_secret(ctx, node), (path.name, node.lineno, ast.unparse(node))
    assert checked > 10000 and found > 300


def test_gate_is_local():
    """In a module that holds secrets elsewhere (the file-wide gate is open), a raise whose
    value leads to none is not walked; the one that does is."""
    noise = "".join(f"\n\ndef g{i}(x):\n    raise ValueError('bad %s' % x)\n" for i in range(200))
    src = HEAD + 'TOKEN = os.environ["API_TOKEN"]\n' + noise + "\n\ndef h():\n    raise ValueError(TOKEN)\n"
    tree = ast.parse(src)
    ctx = FileContext(tree, src.splitlines(True), "t.py", LOW)
    assert secrets.may_hold_secrets(FileContext(tree, src.splitlines(True), "t.py", LOW))
    raises = ctx.nodes_of(ast.Raise)
    opened = [r.lineno for r in raises if secrets.may_carry_secret(ctx, r.exc.args[0])]
    assert opened == [raises[-1].lineno]
    walked = []
    original = ais106.trace_secret
    try:
        ais106.trace_secret = lambda c, v, name=None: walked.append(v) or original(c, v, name=name)
        found = [f for f in check_source(src, "t.py", LOW) if f.code == "AIS106"]
    finally:
        ais106.trace_secret = original
    assert [f.line for f in found] == [raises[-1].lineno] and len(walked) == 1


def test_options_open_every_query():
    """With ``aisec-secret-names`` set (extra words the markers do not know) or a secret
    store imported, the gate stays open, as `may_hold_secrets` does."""
    src = "def f(x):\n    raise ValueError(x)\n"
    tree = ast.parse(src)
    pin = Settings.from_mapping({"aisec_secret_names": "pin"})
    ctx = FileContext(tree, src.splitlines(True), "t.py", pin)
    assert secrets.may_carry_secret(ctx, ctx.nodes_of(ast.Raise)[0].exc.args[0])
    plain = FileContext(tree, src.splitlines(True), "t.py", Settings())
    assert not secrets.may_carry_secret(plain, plain.nodes_of(ast.Raise)[0].exc.args[0])
    src = "import keyring\n\n\ndef f(x):\n    raise ValueError(x)\n"
    tree = ast.parse(src)
    ctx = FileContext(tree, src.splitlines(True), "t.py", Settings())
    assert secrets.may_carry_secret(ctx, ctx.nodes_of(ast.Raise)[0].exc.args[0])
    assert _ais106_extra("def f(user_pin):\n    raise ValueError(user_pin)\n", pin) == [2]


def _ais106_extra(src: str, settings: Settings) -> list[int]:
    low = Settings.from_mapping({"aisec_min_confidence": "low", "aisec_secret_names": ",".join(settings.secret_names)})
    return [f.line for f in check_source(src, "t.py", low) if f.code == "AIS106"]


def test_text_verdicts_are_remembered_per_secret_name_settings():
    """The run-wide memo of text verdicts (`secrets._VERDICTS`) is kept per value of the
    settings a verdict reads: a name judged clean under the defaults is still a secret once
    ``aisec-secret-names`` names it, and one judged a secret is not once
    ``aisec-ignore-names`` ignores it, in whatever order the settings come."""
    src = "def f(customer_pin, api_token):\n    raise ValueError(customer_pin)\n\n\ndef g(api_token):\n    raise ValueError(api_token)\n"
    def lines(**options: str) -> list[int]:
        settings = Settings.from_mapping({"aisec_min_confidence": "low", **options})
        return [f.line for f in check_source(src, "t.py", settings) if f.code == "AIS106"]

    for _ in range(2):
        assert lines(aisec_ignore_names="api_token") == []
        assert lines() == [6]
        assert lines(aisec_secret_names="pin") == [2, 6]
