"""AIS209 jwt-without-expiry: a JWT issued without an expiry, or with a very long one.

## What it does
Flags JSON Web Tokens issued (PyJWT ``jwt.encode``, python-jose ``jwt.encode``, Authlib
``jwt.encode(header, payload, key)``) with a payload that has no ``exp`` claim, when the
payload is a dict literal, ``dict(...)``, or a name the same function binds to one (with
any ``payload["k"] = ...``, ``payload.update(...)``, ``payload |= {...}`` and
``payload.setdefault(...)`` seen as additions).

Flags a lifetime beyond the limit when it can be computed: ``"exp": datetime.now(timezone.utc)
+ timedelta(days=365)``, ``int(time.time()) + 86400 * 30``, names bound to such values or to
constants; Flask-JWT-Extended ``create_access_token(..., expires_delta=False)`` or
``expires_delta=timedelta(days=90)``; the settings ``JWT_ACCESS_TOKEN_EXPIRES`` /
``JWT_REFRESH_TOKEN_EXPIRES`` (Flask-JWT-Extended) and ``ACCESS_TOKEN_LIFETIME`` /
``REFRESH_TOKEN_LIFETIME`` in ``SIMPLE_JWT`` (djangorestframework-simplejwt) set to ``False``
or to a longer duration.

Access tokens are held to ``aisec-max-token-lifetime`` (default 1 day). Refresh and
remember-me tokens (the function, variable or payload ``type`` says ``refresh`` or
``remember``; ``create_refresh_token``; the ``*REFRESH*`` settings) are held to
``aisec-max-session-lifetime`` (default 30 days), since they live as long as a session.

## Why is this bad?
A bearer token is standing access: whoever holds it is the user until it expires. Without
``exp`` it never does, and a token copied from a log, a browser or a leaked backup works
forever; a JWT cannot be revoked without extra server state. Keep access tokens short and
renew them with a refresh token that the server can revoke.

## Example
```python
import os

import jwt

def issue_token(user_id):
    return jwt.encode({"sub": str(user_id), "role": "user"}, os.environ["JWT_KEY"], algorithm="HS256")
```

## Use instead
```python
import os
from datetime import datetime, timedelta, timezone

import jwt

def issue_token(user_id):
    payload = {"sub": str(user_id), "exp": datetime.now(timezone.utc) + timedelta(minutes=15)}
    return jwt.encode(payload, os.environ["JWT_KEY"], algorithm="HS256")
```

## Known problems
Payloads built elsewhere (a parameter, ``data.copy()``, a helper's return value) are not
judged, and neither are lifetimes read from settings or the environment. An absolute ``exp``
(a constant timestamp) is not judged. Settings in development or test settings modules are
not reported, and neither are test files (``aisec-test-paths``): a token a test mints never
reaches a user. An unsigned JWT (``algorithm="none"``, such as PayPal's
``PayPal-Auth-Assertion`` header) is no credential, so its expiry is not judged.

## Options
``aisec-max-token-lifetime`` (default ``1d``) for access tokens and
``aisec-max-session-lifetime`` (default ``30d``) for refresh and remember-me tokens: seconds,
or a number with ``s``, ``m``, ``h`` or ``d``. ``aisec-test-paths``: files not checked.

## References
- [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
- [RFC 7519, section 4.1.4: "exp" (Expiration Time) Claim](https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4)
- [OWASP JSON Web Token Cheat Sheet for Java: token revocation and expiry](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
- [OWASP Session Management Cheat Sheet: session expiration](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-expiration)
- [PyJWT usage: expiration time claim](https://pyjwt.readthedocs.io/en/stable/usage.html#expiration-time-claim-exp)
- [Flask-JWT-Extended: JWT_ACCESS_TOKEN_EXPIRES](https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_ACCESS_TOKEN_EXPIRES)
- [Simple JWT settings: ACCESS_TOKEN_LIFETIME](https://django-rest-framework-simplejwt.readthedocs.io/en/latest/settings.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import settings_profile
from ..analysis.taint import own_nodes
from ..analysis.words import split_words
from ..analysis.durations import duration, lifetime, seconds
from ..checks import Confidence, FileContext, Hit, hit, on

# Encoders and the position / keyword of their payload argument.
ENCODERS = {
    "jwt.encode": (0, "payload"),
    "jwt.api_jwt.encode": (0, "payload"),
    "jose.jwt.encode": (0, "claims"),
    "authlib.jose.jwt.encode": (1, "payload"),
}
AUTHLIB_JWT = frozenset({"authlib.jose.JsonWebToken", "authlib.jose.rfc7519.JsonWebToken"})
# Flask-JWT-Extended: create_access_token(identity, fresh, expires_delta, ...),
# create_refresh_token(identity, expires_delta, ...).
FJE_CREATORS = {
    "flask_jwt_extended.create_access_token": 2,
    "flask_jwt_extended.create_refresh_token": 1,
    "flask_jwt_extended.utils.create_access_token": 2,
    "flask_jwt_extended.utils.create_refresh_token": 1,
}
# Settings that set a token lifetime: Flask-JWT-Extended's (False means "never expires") and
# djangorestframework-simplejwt's SIMPLE_JWT keys (timedelta only).
FJE_SETTINGS = frozenset({"JWT_ACCESS_TOKEN_EXPIRES", "JWT_REFRESH_TOKEN_EXPIRES"})
_SIMPLE_JWT_KEYS = frozenset({"ACCESS_TOKEN_LIFETIME", "SLIDING_TOKEN_LIFETIME", "REFRESH_TOKEN_LIFETIME", "SLIDING_TOKEN_REFRESH_LIFETIME"})
_LONG_LIVED_WORDS = frozenset({"refresh", "remember"})


class _Payload:
    """What is known of a payload dict: its keys (with value nodes) and whether that is all."""

    def __init__(self) -> None:
        self.keys: dict[str, ast.AST] = {}
        self.complete = True

    def add_dict(self, node: ast.AST, ctx: FileContext) -> None:
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                name = ctx.const_str(key) if key is not None else None
                if name is None:
                    self.complete = False  # **spread or a computed key
                else:
                    self.keys[name] = value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict" and ctx.qualname(node.func) == "builtins.dict":
            if node.args:
                self.complete = False
            for kw in node.keywords:
                if kw.arg is None:
                    self.complete = False
                else:
                    self.keys[kw.arg] = kw.value
        else:
            self.complete = False


def _payload(expr: ast.AST | None, call: ast.Call, ctx: FileContext) -> _Payload | None:
    """The payload's keys when the dict is built here; None when it comes from elsewhere."""
    if expr is None:
        return None
    found = _Payload()
    if isinstance(expr, (ast.Dict, ast.Call)):
        found.add_dict(expr, ctx)
        return found if found.complete or "exp" in found.keys else None
    if not isinstance(expr, ast.Name):
        return None
    base = ctx.reaching_value(expr)
    if not isinstance(base, (ast.Dict, ast.Call)):
        return None
    found.add_dict(base, ctx)
    scope = ctx.scope_of(expr)
    if not ctx.bindings.get(scope, {}).get(expr.id):
        return None  # bound in an outer scope: other functions may change it
    for node in own_nodes(scope):
        if not (isinstance(node, ast.Name) and node.id == expr.id and node is not expr):
            continue
        parent = ctx.parent(node)
        if isinstance(parent, ast.Subscript) and isinstance(ctx.parent(parent), ast.Assign) and isinstance(parent.ctx, ast.Store):
            key = ctx.const_str(parent.slice)
            if key is None:
                found.complete = False
            else:
                found.keys[key] = ctx.parent(parent).value  # type: ignore[union-attr]
        elif isinstance(parent, ast.AugAssign) and parent.target is node:
            found.add_dict(parent.value, ctx)
        elif isinstance(parent, ast.Attribute) and isinstance(ctx.parent(parent), ast.Call) and ctx.parent(parent).func is parent:  # type: ignore[union-attr]
            method: ast.Call = ctx.parent(parent)  # type: ignore[assignment]
            if parent.attr == "update":
                for arg in method.args:
                    found.add_dict(arg, ctx)
                for kw in method.keywords:
                    if kw.arg is None:
                        found.complete = False
                    else:
                        found.keys[kw.arg] = kw.value
            elif parent.attr == "setdefault" and method.args:
                key = ctx.const_str(method.args[0])
                if key is None:
                    found.complete = False
                elif len(method.args) > 1:
                    found.keys.setdefault(key, method.args[1])
            elif parent.attr not in ("get", "copy", "items", "keys", "values"):
                found.complete = False
        elif isinstance(parent, (ast.Call, ast.keyword, ast.Starred)) and not _within(node, call, ctx):
            found.complete = False  # handed to another function, which may add claims
        elif isinstance(parent, ast.Assign) and parent.value is node:
            found.complete = False  # aliased
    return found if found.complete or "exp" in found.keys else None


def _within(node: ast.AST, outer: ast.AST, ctx: FileContext) -> bool:
    return any(anc is outer for anc in ctx.ancestors(node))


def _long_lived(call: ast.Call, ctx: FileContext, payload: _Payload | None) -> bool:
    """A refresh or remember-me token, by its function, its variable or its payload type."""
    names = []
    func = ctx.enclosing_function(call)
    if func is not None:
        names.append(func.name)
    stmt = ctx.statement_of(call)
    if isinstance(stmt, ast.Assign):
        names.extend(t.id if isinstance(t, ast.Name) else getattr(t, "attr", "") for t in stmt.targets)
    if payload is not None:
        for key in ("type", "typ", "token_type", "kind", "use"):
            if key in payload.keys:
                names.append(ctx.const_str(payload.keys[key]) or "")
    return any(_LONG_LIVED_WORDS & set(split_words(n)) for n in names if n)


def _limit(long_lived: bool, ctx: FileContext) -> int:
    return ctx.settings.max_session_lifetime if long_lived else ctx.settings.max_token_lifetime


def _kind(long_lived: bool) -> str:
    return "Refresh token" if long_lived else "JWT"


def _encoder_payload(node: ast.Call, ctx: FileContext) -> ast.AST | None | bool:
    """The payload argument of a JWT encoder call; False when the call is no encoder."""
    name = ctx.call_name(node)
    spec = ENCODERS.get(name or "")
    if spec is None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "encode" and ctx.instance_of(func.value) in AUTHLIB_JWT:
            spec = (1, "payload")
        else:
            return False
    index, keyword = spec
    if any(isinstance(a, ast.Starred) for a in node.args[: index + 1]):
        return None
    if len(node.args) > index:
        return node.args[index]
    return next((k.value for k in node.keywords if k.arg == keyword), None)


def _too_long(value: ast.AST, secs: float | None, long_lived: bool, ctx: FileContext, what: str, kind: str = "") -> Iterator[Hit]:
    limit = _limit(long_lived, ctx)
    if secs is not None and secs > limit:
        yield hit(
            value,
            kind or _kind(long_lived),
            f"with a lifetime of {duration(secs)}{what}, over the {duration(limit)} limit",
            "shorten it" + ("" if long_lived else " and renew with a refresh token"),
            confidence=Confidence.HIGH,
        )


def _unsigned(node: ast.Call, ctx: FileContext) -> bool:
    """``jwt.encode(claims, None, algorithm="none")``: an unsigned JWT (RFC 7519 section 6),
    which no verifier may accept as a credential, so an expiry would protect nothing; an
    assertion such as PayPal's ``PayPal-Auth-Assertion`` header. Whether a verifier accepts
    ``none`` is AIS201's concern."""
    algorithm = next((k.value for k in node.keywords if k.arg == "algorithm"), None)
    text = ctx.const_str(algorithm) if algorithm is not None else None
    return text is not None and text.lower() == "none"


@on(ast.Call, callees={"encode", "create_access_token", "create_refresh_token", "update"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if ctx.settings.is_test_path(ctx.filename):
        return  # tokens a test mints or reads never reach a user
    name = ctx.call_name(node) or ""
    if name in FJE_CREATORS:
        yield from _flask_jwt_extended(node, FJE_CREATORS[name], name.endswith("refresh_token"), ctx)
        return
    if isinstance(node.func, ast.Attribute) and node.func.attr == "update":
        for kw in node.keywords:  # app.config.update(JWT_ACCESS_TOKEN_EXPIRES=...)
            if kw.arg in FJE_SETTINGS:
                yield from _setting(kw.value, kw.arg, ctx)
        return
    arg = _encoder_payload(node, ctx)
    if arg is False or _unsigned(node, ctx):
        return
    payload = _payload(arg, node, ctx)  # type: ignore[arg-type]
    if payload is None:
        return
    long_lived = _long_lived(node, ctx, payload)
    exp = payload.keys.get("exp")
    if exp is None:
        if payload.complete:
            yield hit(
                arg,  # type: ignore[arg-type]
                _kind(long_lived),
                "without an exp claim, so it never expires",
                f"add an exp within {duration(_limit(long_lived, ctx))}",
                confidence=Confidence.HIGH,
            )
        return
    yield from _too_long(exp, lifetime(exp, ctx), long_lived, ctx, "")


def _flask_jwt_extended(node: ast.Call, index: int, refresh: bool, ctx: FileContext) -> Iterator[Hit]:
    value = node.args[index] if len(node.args) > index else next((k.value for k in node.keywords if k.arg == "expires_delta"), None)
    if value is None:
        return
    long_lived = refresh or _long_lived(node, ctx, None)
    if isinstance(value, ast.Constant) and value.value is False:
        yield hit(
            value,
            _kind(long_lived),
            "with expires_delta=False, so it never expires",
            f"give it a lifetime within {duration(_limit(long_lived, ctx))}",
            confidence=Confidence.HIGH,
        )
        return
    yield from _too_long(value, seconds(value, ctx), long_lived, ctx, "")


def _setting(value: ast.AST, setting: str, ctx: FileContext) -> Iterator[Hit]:
    if settings_profile(ctx) == "development":
        return
    long_lived = "REFRESH" in setting
    if isinstance(value, ast.Constant) and value.value is False and setting in FJE_SETTINGS:
        yield hit(
            value,
            "Refresh tokens" if long_lived else "Access tokens",
            f"with {setting} = False, so they never expire",
            f"set a lifetime within {duration(_limit(long_lived, ctx))}",
            confidence=Confidence.HIGH,
        )
        return
    kind = "Refresh tokens" if long_lived else "Access tokens"
    yield from _too_long(value, seconds(value, ctx), long_lived, ctx, f" ({setting})", kind)


@on(ast.Assign, names=FJE_SETTINGS)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    for target in node.targets:
        name = None
        if isinstance(target, ast.Name) and isinstance(ctx.scope_of(node), (ast.Module, ast.ClassDef)):
            name = target.id
        elif isinstance(target, ast.Subscript):
            name = ctx.const_str(target.slice)
        if name in FJE_SETTINGS:
            if ctx.settings.is_test_path(ctx.filename):
                return  # tokens a test mints or reads never reach a user
            yield from _setting(node.value, name, ctx)  # type: ignore[arg-type]


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    test = None  # asked only for a dict with a setting key (most dicts have none)
    for k, value in zip(node.keys, node.values):
        if k is None:
            continue
        # `const_str` of a str literal is its value: asked only of other keys.
        key = k.value if k.__class__ is ast.Constant and k.value.__class__ is str else ctx.const_str(k)
        if key in FJE_SETTINGS or key in _SIMPLE_JWT_KEYS:
            if test is None:
                test = ctx.settings.is_test_path(ctx.filename)
            if test:
                return  # tokens a test mints or reads never reach a user
            yield from _setting(value, key, ctx)  # type: ignore[arg-type]
