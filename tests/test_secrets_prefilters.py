"""The secrets family's cheap paths find what the full checks find.

AIS103, AIS104 and AIS105 judge the calls no callee name lists (any method with an
Authorization argument, config objects bound to any variable, AWS keywords on any call, any
function of an SDK package) in one pass per file; `secrets.may_hold_secrets` lets
`find_secret` answer at once for files with no secret-like identifier or literal. Each case
below is a shape only those paths see.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import parsed_sources

from aisec_shared import Settings, check_source
from aisec_shared.analysis import secrets
from aisec_shared.analysis.context import FileContext

LOW = Settings.from_mapping({"aisec_min_confidence": "low"})
# Built at run time so that no whole key sits in this file.
AWS = "wJalrXUtnFEMIK7MDENG" + "bPxRfiCYzq9"

CASES = {
    "aws keyword on an unknown callee": (
        f'def make():\n    return connect_to_s3(bucket="b", aws_secret_access_key="{AWS}")\n', [("AIS105", 2)]),
    "aws keyword on a call's result": (
        f'client = factory()(aws_secret_access_key="{AWS}")\n', [("AIS105", 1)]),
    "aws keyword of a class is not a call": (
        f'class A(Base, aws_secret_access_key="{AWS}"):\n    pass\n', [("AIS101", 1)]),
    "decouple config object": (
        'from decouple import AutoConfig\ncfg = AutoConfig()\n'
        'SECRET_KEY = cfg("SECRET_KEY", default="decouple-dflt-key-123")\n', [("AIS104", 3)]),
    "django-environ object and method": (
        'import environ\nenvironment = environ.Env()\n'
        'SECRET_KEY = environment("SECRET_KEY", default="dj-insecure-key-123")\n'
        'X = environment.str("API_TOKEN", default="tok-123456789")\n', [("AIS104", 3), ("AIS104", 4)]),
    "authorization header through any method": (
        'def f(conn):\n    conn.put_header_line("Authorization", "Bearer 3d4e5f6a7b8c9d0e1f2a3b")\n', [("AIS103", 2)]),
    "authorization header name in a variable": (
        'H = "Authorization"\ndef f(req):\n    req.add_header(H, "Token 3d4e5f6a7b8c9d0e1f2a")\n', [("AIS103", 3)]),
    "getter from a star import": (
        'from mylib import *\nimport logging\nlog = logging.getLogger()\n'
        'def f():\n    log.info("key %s", get_api_key())\n', [("AIS106", 5)]),
    "WSGI authorization header": (
        'import logging\nlogger = logging.getLogger()\n'
        'def view(request):\n    logger.info(request.META["HTTP_AUTHORIZATION"])\n', [("AIS106", 4)]),
    "cookie header in an exception": (
        'def view(request):\n    raise PermissionError(request.headers.get("Cookie"))\n', [("AIS106", 2)]),
    "keyring": (
        'import keyring, logging\ndef f():\n    p = keyring.get_password("svc", "me")\n    logging.info(p)\n',
        [("AIS106", 4)]),
    "secret store method": (
        'import logging\ndef f(client):\n    logging.info(client.get_secret_value(SecretId="x"))\n', [("AIS106", 3)]),
    "secret-like keyword label": (
        'import logging\ndef f(v):\n    logging.info("x", extra=v, password=v)\n', [("AIS106", 3)]),
    "nothing secret": (
        'import logging\nlogger = logging.getLogger()\n'
        'def view(request, x):\n    logger.info(x)\n    raise ValueError(x)\n', []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_shapes_only_the_cheap_paths_see(name):
    src, expected = CASES[name]
    found = [(f.code, f.line) for f in check_source(src, "t.py", LOW) if f.code.startswith("AIS1")]
    assert found == expected


def test_no_secret_like_name_means_no_secret():
    src = "import logging\ndef f(request, x):\n    logging.info(x, request.GET['q'])\n"
    ctx = FileContext(ast.parse(src), src.splitlines(True), "t.py", Settings())
    assert not secrets.may_hold_secrets(ctx)
    with_names = Settings.from_mapping({"aisec_secret_names": "pin"})
    assert secrets.may_hold_secrets(FileContext(ast.parse(src), src.splitlines(True), "t.py", with_names))


def _files() -> list[Path]:
    here = Path(__file__).parent
    return sorted([*(here / "fixtures").glob("*.py"), *(here / "cases").glob("*.py")])


def test_gate_agrees_with_the_full_walk():
    """Where `may_hold_secrets` is False, the walk it skips finds no secret in any expression."""
    gated = 0
    for path, text, tree in parsed_sources(_files()):
        ctx = FileContext(tree, text.splitlines(True), str(path), Settings())
        if secrets.may_hold_secrets(ctx):
            continue
        gated += 1
        ctx.__dict__["_aisec_may_hold_secrets"] = True  # force the full walk
        for node in ctx.nodes:
            if isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.JoinedStr, ast.BinOp, ast.Dict)):
                assert secrets.find_secret(ctx, node) is None, (path.name, node.lineno)
    assert gated > 10


def test_head_word_prefilter_changes_no_name_kind(monkeypatch):
    """`words.holds_head_word` answers most names before `secret_name_kind` splits them: over
    every identifier, attribute and string key of the fixtures, the kinds are the same with
    the prefilter and with it forced open."""
    from aisec_shared.analysis import words

    names: set[str] = set()
    for path in sorted((Path(__file__).parent / "fixtures").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 40:
                names.add(node.value)
    names |= {"PASSWD", "db_pwd", "apiKey", "x_auth_token", "SecretAccessKey", "credsFile", "pass_phrase"}
    words._secret_name_kind.cache_clear()
    filtered = {name: words.secret_name_kind(name) for name in names}
    monkeypatch.setattr(words, "holds_head_word", lambda name: True)
    words._secret_name_kind.cache_clear()
    try:
        unfiltered = {name: words.secret_name_kind(name) for name in names}
    finally:
        words._secret_name_kind.cache_clear()
    assert filtered == unfiltered
    assert len(names) > 2000 and sum(v is not None for v in filtered.values()) > 100
