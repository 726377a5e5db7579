"""AIS202 weak-password-hash: a password hashed with a fast, general-purpose hash.

## What it does
Flags ``hashlib`` hashing of a password-like value with MD5, SHA-1, SHA-2, SHA-3 or BLAKE2:
the constructors (``hashlib.sha256(password.encode())``), ``hashlib.new("md5", ...)``, and
``.update(password)`` on a hash object made by one of them. A value is password-like when a
name in it has *password*, *passwd*, *passphrase* (or, with a qualifier, *pw* / *pwd* /
*pass*) as its head noun: ``password``, ``user.password``, ``form["password"]``,
``salt + raw_pw``; or a parameter of a function named for hashing passwords (``def hash_password(plain)``,
``make_pw``).

## Why is this bad?
These hashes are built to be fast: a single GPU tries billions of candidates per second, so
leaked password hashes fall to dictionary attacks within hours, salted or not. Passwords
need a slow, salted key-derivation function.

## Example
```python
import hashlib

def store(user, password):
    user.pw_hash = hashlib.sha256(password.encode()).hexdigest()
```

## Use instead
```python
import hashlib
import os

def store(user, password):
    salt = os.urandom(16)
    user.pw_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    user.salt = salt
```

## Known problems
Hashes of values that are not passwords (file contents, cache keys, e-mail addresses for
avatars) are not flagged, and neither is any call with ``usedforsecurity=False``, which
declares a non-security use (for example a SHA-1 prefix for a breach-corpus range query).
A password held under a name that does not say so is missed.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
- [CWE-328: Use of Weak Hash](https://cwe.mitre.org/data/definitions/328.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
- [Python docs: hashlib, usedforsecurity](https://docs.python.org/3/library/hashlib.html#hashlib.new)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import is_password_name, split_words
from ..checks import Confidence, FileContext, Hit, hit, on

FAST_HASHES = frozenset(
    {
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512_224", "sha512_256",
        "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s", "md4",
        "ripemd160", "sm3",
    }
)
_BUDGET = 200
# With a password word, these make a function name mean "hash a password" (hash_password,
# make_password, check_pw), unlike password_reset_link.
_HASHING_VERBS = frozenset(
    {"hash", "hashed", "encrypt", "encode", "digest", "store", "save", "set", "make", "create", "check", "verify", "crypt", "salt", "salted"}
)


def _hash_name(call: ast.Call, ctx: FileContext) -> str | None:
    """The fast hash a call constructs ("hashlib.sha256", "md5 (hashlib.new)"), else None."""
    name = ctx.call_name(call)
    if not name or not name.startswith("hashlib."):
        return None
    algo = name[len("hashlib."):]
    if algo == "new":
        first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "name"), None)
        algo_name = ctx.const_str(first)
        if algo_name and algo_name.lower().replace("-", "_") in FAST_HASHES:
            return f"{algo_name.lower()} (hashlib.new)"
        return None
    return name if algo in FAST_HASHES else None


def _declared_not_for_security(call: ast.Call) -> bool:
    return any(
        kw.arg == "usedforsecurity" and isinstance(kw.value, ast.Constant) and not kw.value.value
        for kw in call.keywords
    )


def _data_arg(call: ast.Call, is_new: bool) -> ast.AST | None:
    idx = 1 if is_new else 0
    if len(call.args) > idx:
        return call.args[idx]
    return next((k.value for k in call.keywords if k.arg in ("data", "string")), None)


def _mentions_password(expr: ast.AST | None) -> bool:
    if expr is None:
        return False
    work = [expr]
    budget = _BUDGET
    while work and budget > 0:
        budget -= 1
        node = work.pop()
        if isinstance(node, ast.Name) and is_password_name(node.id):
            return True
        if isinstance(node, ast.Attribute) and is_password_name(node.attr):
            return True
        if isinstance(node, ast.Subscript):
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and is_password_name(key.value):
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                if is_password_name(node.args[0].value):
                    return True
        work.extend(ast.iter_child_nodes(node))
    return False


def _password_function(node: ast.AST, ctx: FileContext, data: ast.AST | None) -> bool:
    """Inside ``def hash_password(plain)``: the data is a parameter of a function whose name
    says it handles passwords."""
    func = ctx.enclosing_function(node)
    if func is None or data is None:
        return False
    words = set(split_words(func.name))
    if not words & {"password", "passwd", "passphrase", "pw", "pwd"} or not words & _HASHING_VERBS:
        return False
    params = {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]}
    return any(isinstance(n, ast.Name) and n.id in params for n in ast.walk(data))


@on(ast.Call, callees=FAST_HASHES | {"new", "update"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "update" and node.args:
        ctor = func.value
        if isinstance(ctor, ast.Name):
            ctor = ctx.reaching_value(ctor)
        if isinstance(ctor, ast.Call):
            algo = _hash_name(ctor, ctx)
            if algo and not _declared_not_for_security(ctor) and (
                _mentions_password(node.args[0]) or _password_function(node, ctx, node.args[0])
            ):
                yield hit(node, algo, confidence=Confidence.HIGH)
        return
    algo = _hash_name(node, ctx)
    if algo is None or _declared_not_for_security(node):
        return
    data = _data_arg(node, algo.endswith("(hashlib.new)"))
    if _mentions_password(data) or _password_function(node, ctx, data):
        yield hit(node, algo, confidence=Confidence.HIGH)
