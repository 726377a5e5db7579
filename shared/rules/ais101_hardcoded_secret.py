"""AIS101 hardcoded-secret: a secret literal bound to a secret-like name.

## What it does
Flags a string literal that is bound to a name meaning a secret (password, passwd,
passphrase, secret, token, credential, api_key / apikey, access_key, private_key, secret_key,
client_secret; in snake_case, camelCase and UPPER forms) as a variable, attribute, annotated
assignment, walrus target, keyword argument, dict key, subscript key, default argument, or
the other side of an ``==`` / ``!=`` comparison.

The head noun decides: ``db_password`` and ``clientSecret`` are secrets, ``token_type``,
``password_field``, ``secret_name``, ``tokenize`` and ``NextToken`` are not.

## Why is this bad?
A secret in source code is shared with everyone who can read the repository, its forks, its
CI logs and every image built from it, and it cannot be rotated without a code change. Code
assistants reproduce this pattern from tutorials, often with a real-looking value.

## Example
```python
DATABASE_PASSWORD = "Pg9-prod-Kx72vd"
client = connect(host="db", password="Pg9-prod-Kx72vd")
```

## Use instead
```python
import os

DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]
client = connect(host="db", password=os.environ.get("DATABASE_PASSWORD", ""))
```

## Known problems
Values that look like placeholders are skipped: empty strings, ``None``, ``changeme``,
``<...>``, ``${...}``, ``{{...}}``, ``xxxx``, values starting with "your" or containing
"example", environment variable *names* such as ``"DB_PASSWORD"``, file paths, URLs without
credentials, prose of four or more words, regular expressions (a lexer's token pattern) and
tokenizer special tokens. Names of actions (``generate_private_key``, a dotted API path used
as a dict key) are not secret names. A real secret that looks like one of these is
missed. Literal defaults passed to ``os.getenv("X", "fallback")`` are not checked. Secrets in
test fixtures are reported like any other; exclude test folders in the host if you want.

Confidence is high for values of 8 or more characters mixing letter case, digits or symbols,
medium otherwise, and low (hidden by default) in development and test settings modules
(``settings/dev.py``, ``test_settings.py``: throwaway keys), for a value that only repeats
its own name's words (``CLIENT_CREDENTIALS = "client_credentials"``: not reported at all),
and for a *token* whose value is only words
(``token == "COLLATE"`` in a parser, ``RESET_TOKEN = "_password_reset_token"`` naming a
session key): issued tokens carry digits. Comparisons are at most medium. The value is masked
in the message.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [OWASP Top 10 2021 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.context import literal_str
from ..analysis.frameworks import settings_profile
from ..analysis.words import is_placeholder, mask, secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on


def _name_of(target: ast.AST) -> str | None:
    """The name a target or operand stands for: ``x``, ``obj.x``, ``cfg["x"]``."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        key = literal_str(target.slice)
        return key
    return None


# A "token" whose value is only words (letters, spaces, '_' or '-', no digits) is a lexer
# token, a key or URL name ("COLLATE", "is not", "_password_reset_token", "set-password"),
# not an issued credential: issued tokens carry digits. Passwords and secret keys chosen by
# people do not, so this applies to tokens only.
_WORDS_ONLY = re.compile(r"^[A-Za-z_][A-Za-z_ -]*$")


def _confidence(value: str, kind: str) -> Confidence:
    if kind == "token" and _WORDS_ONLY.match(value):
        return Confidence.LOW
    classes = sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )
    return Confidence.HIGH if len(value) >= 8 and classes >= 2 else Confidence.MEDIUM


def _pair(name: str | None, value_node: ast.AST | None) -> Iterator[Hit]:
    if not name:
        return
    value = literal_str(value_node)
    if value is None or value_node is None:
        return
    kind = secret_name_kind(name)
    if kind is None or is_placeholder(value) or _spells_name(value, name):
        return
    yield hit(value_node, mask(value), name, confidence=_confidence(value, kind))


def _spells_name(value: str, name: str) -> bool:
    """A label constant: the value only repeats words of its own name, head noun included.

    ``CLIENT_CREDENTIALS = "client_credentials"`` (an OAuth grant type),
    ``ACCESS_TOKEN = "access_token"`` (a dict key), ``TOKEN = "token"`` in an Enum.
    """
    value_words = set(split_words(value))
    name_words = split_words(name)
    return bool(value_words) and value_words <= set(name_words) and name_words[-1] in value_words


def _targets(target: ast.AST, value: ast.AST) -> Iterator[Hit]:
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)):
        if len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts):
                yield from _targets(t, v)
        return
    yield from _pair(_name_of(target), value)


def _in_context(ctx: FileContext, hits: Iterator[Hit]) -> Iterator[Hit]:
    """Throwaway keys in development and test settings modules are low confidence."""
    dev = settings_profile(ctx) == "development"
    for h in hits:
        yield hit(h.node, *h.args, confidence=Confidence.LOW) if dev else h


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    for target in node.targets:
        yield from _in_context(ctx, _targets(target, node.value))


@on(ast.AnnAssign)
def check_annassign(node: ast.AnnAssign, ctx: FileContext) -> Iterator[Hit]:
    if node.value is not None:
        yield from _in_context(ctx, _pair(_name_of(node.target), node.value))


@on(ast.NamedExpr)
def check_walrus(node: ast.NamedExpr, ctx: FileContext) -> Iterator[Hit]:
    yield from _in_context(ctx, _pair(node.target.id, node.value))


@on(ast.keyword)
def check_keyword(node: ast.keyword, ctx: FileContext) -> Iterator[Hit]:
    yield from _in_context(ctx, _pair(node.arg, node.value))


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    for key, value in zip(node.keys, node.values):
        yield from _in_context(ctx, _pair(literal_str(key), value))


@on(ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
def check_defaults(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    args: ast.arguments = node.args  # type: ignore[attr-defined]
    positional = [*args.posonlyargs, *args.args]
    for arg, default in zip(positional[len(positional) - len(args.defaults):], args.defaults):
        yield from _in_context(ctx, _pair(arg.arg, default))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        yield from _in_context(ctx, _pair(arg.arg, default))


def _compare_confidence(h: Hit, name: str) -> Confidence:
    """Comparisons are at most medium; against a plain word (``secret == "prompt"``) low,
    unless the name is a password (``password == "admin"`` is a backdoor)."""
    value = literal_str(h.node) or ""
    if _WORDS_ONLY.match(value) and (secret_name_kind(name) != "password" or len(value) < 4):
        return Confidence.LOW
    return Confidence.MEDIUM if h.confidence is Confidence.HIGH else h.confidence


@on(ast.Compare)
def check_compare(node: ast.Compare, ctx: FileContext) -> Iterator[Hit]:
    left = node.left
    for op, right in zip(node.ops, node.comparators):
        if isinstance(op, (ast.Eq, ast.NotEq)):
            for named, literal in ((left, right), (right, left)):
                name = _name_of(named) if literal_str(named) is None else None
                for h in _in_context(ctx, _pair(name, literal)):
                    yield hit(h.node, *h.args, confidence=_compare_confidence(h, name or ""))
        left = right
