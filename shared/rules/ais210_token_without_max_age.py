"""AIS210 token-without-max-age: a signed token accepted however old it is.

## What it does
Flags the reading of a signed token with no age limit:

- itsdangerous ``URLSafeTimedSerializer`` / ``TimedSerializer`` ``.loads(token)`` and
  ``TimestampSigner.unsign(value)``, and Django ``signing.TimestampSigner().unsign(value)``,
  without ``max_age``, always: a timed serializer whose time is never checked makes tokens
  that never expire;
- Django ``signing.loads(value)`` without ``max_age``, and untimed itsdangerous
  ``Serializer`` / ``URLSafeSerializer`` ``.loads`` and ``Signer.unsign`` / Django
  ``signing.Signer().unsign``, when the token is a password-reset, email-verification,
  invite, activation or login token: the enclosing function, the variable, the token's name
  or the ``salt`` says so.

The serializer is recognised when built in place, bound to a name (module or function), or
returned by a helper of the same module (``def _serializer() -> URLSafeTimedSerializer``).
``return_timestamp=True`` (the caller checks the age itself) and a function that compares an
``exp`` / ``expires`` / ``created`` value are not reported.

## Why is this bad?
A password-reset or invite link that never expires stays a working credential in every mailbox,
browser history and log it reached; OWASP's Forgot Password Cheat Sheet asks for reset tokens
that expire after a short period. Signing proves who made the token, not when.

## Example
```python
import os

from itsdangerous import URLSafeTimedSerializer

serializer = URLSafeTimedSerializer(os.environ["SECRET_KEY"], salt="password-reset")

def reset_password(token):
    return serializer.loads(token)
```

## Use instead
```python
import os

from itsdangerous import URLSafeTimedSerializer

serializer = URLSafeTimedSerializer(os.environ["SECRET_KEY"], salt="password-reset")

def reset_password(token):
    return serializer.loads(token, max_age=3600)
```

## Known problems
Untimed serializers and Django ``signing.loads`` are judged by names only: a reset token held
in a variable called ``data`` in a function called ``handle`` is missed, and a long-lived
signed value (an unsubscribe link, a signed cookie) is not reported. A serializer kept on
``self`` or built by another module is not recognised. Test files (``aisec-test-paths``) are
not checked.

## Options
``aisec-test-paths`` (files not checked); ``aisec-min-confidence``.

## References
- [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
- [OWASP Forgot Password Cheat Sheet: URL tokens](https://cheatsheetseries.owasp.org/cheatsheets/Forgot_Password_Cheat_Sheet.html#url-tokens)
- [itsdangerous: Serialization Interface, max_age](https://itsdangerous.palletsprojects.com/en/stable/timed/)
- [Django: cryptographic signing, verifying timestamped values](https://docs.djangoproject.com/en/stable/topics/signing/#verifying-timestamped-values)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

# Timed classes: the method and max_age's position among its positional parameters.
TIMED = {
    "itsdangerous.URLSafeTimedSerializer": 1,
    "itsdangerous.TimedSerializer": 1,
    "itsdangerous.TimestampSigner": 1,
    "itsdangerous.url_safe.URLSafeTimedSerializer": 1,
    "itsdangerous.timed.TimedSerializer": 1,
    "itsdangerous.timed.TimestampSigner": 1,
    "django.core.signing.TimestampSigner": 1,
}
UNTIMED = frozenset(
    {
        "itsdangerous.Serializer",
        "itsdangerous.URLSafeSerializer",
        "itsdangerous.Signer",
        "itsdangerous.serializer.Serializer",
        "itsdangerous.url_safe.URLSafeSerializer",
        "itsdangerous.signer.Signer",
        "django.core.signing.Signer",
    }
)
# django.core.signing.loads(s, key, salt, serializer, max_age, fallback_keys)
DJANGO_LOADS = {"django.core.signing.loads": 4}
READERS = frozenset({"loads", "unsign"})
# Words that make a token a one-time link credential (OWASP Forgot Password Cheat Sheet).
_LINK_GROUPS = {
    "reset": ("reset", "password"),
    "verification": ("verify", "verification"),
    "confirmation": ("confirm", "confirmation"),
    "activation": ("activate", "activation"),
    "invite": ("invite", "invitation"),
    "login": ("magic", "login", "signin", "passwordless"),
    "recovery": ("recover", "recovery"),
}
LINK_WORDS = {word: kind for kind, words in _LINK_GROUPS.items() for word in words}
_AGE_WORDS = frozenset({"exp", "expires", "expiry", "expired", "expiration", "created", "issued", "age", "timestamp"})
_DEPTH = 8


def _class_of(expr: ast.AST | None, ctx: FileContext, depth: int = 0) -> tuple[str, ast.Call | None] | None:
    """``(qualified class, constructor call if seen)`` of a serializer or signer expression."""
    if expr is None or depth > _DEPTH:
        return None
    if isinstance(expr, ast.Name):
        return _class_of(ctx.reaching_value(expr), ctx, depth + 1)
    if not isinstance(expr, ast.Call):
        return None
    name = ctx.call_name(expr)
    if name in TIMED or name in UNTIMED:
        return name, expr
    helper = ctx.taint.local_function(expr.func)
    if isinstance(helper, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for node in ast.walk(helper):
            if isinstance(node, ast.Return) and node.value is not None:
                found = _class_of(node.value, ctx, depth + 1)
                if found is not None:
                    return found
        annotated = ctx.qualname(helper.returns) if helper.returns is not None else None
        if annotated in TIMED or annotated in UNTIMED:
            return annotated, None  # type: ignore[return-value]
    return None


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _names(call: ast.Call, ctor: ast.Call | None, ctx: FileContext) -> list[str]:
    """The names and salts that say what the token is for."""
    names: list[str] = []
    func = ctx.enclosing_function(call)
    if func is not None:
        names.append(func.name)
    stmt = ctx.statement_of(call)
    if isinstance(stmt, ast.Assign):
        names.extend(t.id if isinstance(t, ast.Name) else getattr(t, "attr", "") for t in stmt.targets)
    token = call.args[0] if call.args else None
    if isinstance(token, ast.Name):
        names.append(token.id)
    elif isinstance(token, ast.Attribute):
        names.append(token.attr)
    elif isinstance(token, ast.Subscript):
        names.append(ctx.const_str(token.slice) or "")
    for source in (call, ctor):
        if source is not None:
            salt = next((k.value for k in source.keywords if k.arg == "salt"), None)
            names.append(ctx.const_str(salt) or "")
    return names


def _link_kind(names: list[str]) -> str | None:
    for name in names:
        for word in split_words(name):
            if word in LINK_WORDS:
                return LINK_WORDS[word]
    return None


def _checks_age(call: ast.Call, ctx: FileContext) -> bool:
    """The function compares an expiry or creation time itself."""
    func = ctx.enclosing_function(call)
    if func is None:
        return False
    for node in ast.walk(func):
        if not isinstance(node, ast.Compare):
            continue
        for part in ast.walk(node):
            word = None
            if isinstance(part, ast.Name):
                word = part.id
            elif isinstance(part, ast.Attribute):
                word = part.attr
            elif isinstance(part, ast.Constant) and isinstance(part.value, str):
                word = part.value
            if word and _AGE_WORDS & set(split_words(word)):
                return True
    return False


def _what(kind: str | None) -> str:
    if kind is None:
        return "a token"
    return f"an {kind} token" if kind[0] in "aeiou" else f"a {kind} token"


@on(ast.Call, callees=READERS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if ctx.settings.is_test_path(ctx.filename):
        return  # tokens a test mints or reads never reach a user
    if any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
        return
    name = ctx.call_name(node)
    if name in DJANGO_LOADS:
        if _arg(node, DJANGO_LOADS[name], "max_age") is not None:
            return
        kind = _link_kind(_names(node, None, ctx))
        if kind is not None and not _checks_age(node, ctx):
            yield hit(node, "signing.loads()", _what(kind), "pass max_age=<seconds>", confidence=Confidence.HIGH)
        return
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr in READERS):
        return
    found = _class_of(func.value, ctx)
    if found is None:
        return
    cls, ctor = found
    label = f"{cls.rsplit('.', 1)[-1]}.{func.attr}()"
    if _true(_arg(node, 2, "return_timestamp")):
        return  # the caller reads the timestamp to check the age itself
    kind = _link_kind(_names(node, ctor, ctx))
    if cls in TIMED:
        max_age = _arg(node, TIMED[cls], "max_age")
        if max_age is not None and not (isinstance(max_age, ast.Constant) and max_age.value is None):
            return
        if _checks_age(node, ctx):
            return
        conf = Confidence.HIGH if kind is not None else Confidence.MEDIUM
        yield hit(node, label, _what(kind), "pass max_age=<seconds>", confidence=conf)
    elif kind is not None and not _checks_age(node, ctx):
        yield hit(node, label, _what(kind), "sign it with a timed serializer and pass max_age", confidence=Confidence.HIGH)


def _true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True
