"""Names and arguments of signing keys: which settings and parameters hold a key the
application signs or encrypts with (``SECRET_KEY``, ``JWT_SECRET_KEY``, ``signing_key``).
Shared by AIS104 and AIS105.
"""

from __future__ import annotations

import ast

from .words import split_words

__all__ = ['SIGNING_KINDS', 'call_arg', 'is_signing_name']

# Kinds of `words.secret_name_kind` that name a key the application signs or encrypts with.
SIGNING_KINDS = frozenset({"secret key", "signing key", "JWT key", "HMAC key", "encryption key", "master key"})


# "<x>_secret" is a credential issued by someone else when x says so (client_secret).
_ISSUED_SECRET_WORDS = frozenset({"client", "consumer", "oauth", "api", "app", "account"})


def call_arg(node: ast.Call, index: int | None, keyword: str | None) -> ast.AST | None:
    """The argument at `index` or passed as `keyword` (None when absent or after a ``*args``)."""
    for kw in node.keywords:
        if keyword is not None and kw.arg == keyword:
            return kw.value
    if index is not None and len(node.args) > index and not any(isinstance(a, ast.Starred) for a in node.args[: index + 1]):
        return node.args[index]
    return None


def is_signing_name(name: str, kind: str) -> bool:
    """A name of a key the application itself signs or encrypts with."""
    if kind in SIGNING_KINDS:
        return True
    return kind == "secret" and not (set(split_words(name)) & _ISSUED_SECRET_WORDS)
