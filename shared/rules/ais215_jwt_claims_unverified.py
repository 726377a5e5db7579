"""AIS215 jwt-claims-unverified: a JWT whose expiry, audience or issuer is not checked.

## What it does
Flags JSON Web Token decoding that verifies the signature but turns the claim checks off:

- PyJWT and python-jose ``options`` with ``verify_exp``, ``verify_aud``, ``verify_iss``,
  ``verify_nbf``, ``verify_iat`` (python-jose also ``verify_sub``, ``verify_jti``,
  ``verify_at_hash``) set to ``False``, as a dict literal, ``dict(...)`` or a dict bound to a
  name first, including ``{"verify_signature": True, "verify_exp": False}``;
- PyJWT 1.x ``verify_expiration=False``;
- a ``leeway`` (PyJWT keyword, python-jose option) of an hour or more: RFC 7519 allows
  "some small leeway, usually no more than a few minutes" for clock skew; an hour is no
  longer skew but a longer token life;
- Authlib ``claims = jwt.decode(token, key)`` whose ``claims.validate()`` is never called in
  the function: Authlib checks the signature in ``decode`` and ``exp``, ``nbf`` and ``iat``
  only in ``validate``.

``verify_signature`` False is AIS201's (PyJWT then skips every claim check anyway) and is
not reported again here. ``"require": []`` is PyJWT's default and is not reported; a token
issued without ``exp`` is AIS209's.

## Why is this bad?
A token whose expiry is not checked is valid forever once leaked or stolen, and logging out or
rotating keys does not end it. Without the audience and issuer checks, a token that a trusted
issuer minted for another service (or another tenant) is accepted here (RFC 8725, 3.9).

## Example
```python
import os

import jwt

def device_claims(token):
    return jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"], options={"verify_exp": False})
```

## Use instead
```python
import os

import jwt

def device_claims(token):
    return jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"], leeway=30)
```

## Known problems
Options built at run time (read from settings) are not judged. ``verify_aud`` off is
reported with medium confidence: an API that really has a single audience loses little;
passing ``audience=`` is still the fix. ``verify_iat``, ``verify_sub``, ``verify_jti`` and
``verify_at_hash`` off are low confidence (hidden by default): they matter less. A claim
check turned off is also low when the options' ``"require"`` list names that claim (the
token format carries it, and its check is left to the caller), when the same function
compares the claim itself (``now < claims["exp"]``, ``claims["aud"] == AUDIENCE``; one that
checks ``exp`` checks the time window, so ``nbf`` and ``iat`` too), and when the decode's
result is dropped (``jwt.decode(...)`` as a statement only asks whether the signature
verifies, so no claim is read; a caller that takes that answer as "logged in" would still
accept an expired token, hence low rather than silent). An Authlib
claims object returned or handed to another function is not followed (the caller may
validate it). Test files (``aisec-test-paths``) are not checked: tests decode expired
tokens on purpose.

## Options
``aisec-test-paths`` (files not checked); ``aisec-min-confidence``.

## References
- [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
- [CWE-345: Insufficient Verification of Data Authenticity](https://cwe.mitre.org/data/definitions/345.html)
- [PyJWT usage: expiration time, audience, issuer claims](https://pyjwt.readthedocs.io/en/stable/usage.html#registered-claim-names)
- [python-jose: jwt.decode options](https://python-jose.readthedocs.io/en/latest/jwt/api.html)
- [Authlib: JWT claims validation](https://docs.authlib.org/en/latest/jose/jwt.html#jwt-payload-claims-validation)
- [RFC 7519, section 4.1.4: "exp" and leeway](https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4)
- [RFC 8725: JSON Web Token Best Current Practices, section 3.9](https://www.rfc-editor.org/rfc/rfc8725#section-3.9)
- [OWASP JSON Web Token Cheat Sheet for Java](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.durations import duration, seconds
from ..analysis.taint import own_nodes
from ..checks import Confidence, FileContext, Hit, hit, on

DECODERS = frozenset(
    {
        "jwt.decode",
        "jwt.decode_complete",
        "jwt.api_jwt.decode",
        "jwt.api_jwt.decode_complete",
        "jose.jwt.decode",
    }
)
AUTHLIB_DECODERS = frozenset({"authlib.jose.jwt.decode"})
AUTHLIB_JWT = frozenset({"authlib.jose.JsonWebToken", "authlib.jose.rfc7519.JsonWebToken"})

# option -> (what goes unchecked, the fix, confidence)
CLAIM_OPTIONS = {
    "verify_exp": ("expiry", "remove the override so expired tokens are refused", Confidence.HIGH),
    "verify_aud": ("audience", "pass audience= with this service's identifier instead", Confidence.MEDIUM),
    "verify_iss": ("issuer", "pass issuer= with the trusted issuer instead", Confidence.MEDIUM),
    "verify_nbf": ("not-before time", "remove the override", Confidence.MEDIUM),
    "verify_iat": ("issue time", "remove the override", Confidence.LOW),
    "verify_sub": ("subject", "remove the override", Confidence.LOW),
    "verify_jti": ("token id", "remove the override", Confidence.LOW),
    "verify_at_hash": ("access-token hash", "remove the override", Confidence.LOW),
}
# RFC 7519 4.1.4: leeway is "usually no more than a few minutes"; an hour is not clock skew.
MAX_LEEWAY = 3600


def _is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _items(options: ast.AST | None) -> list[tuple[str, ast.AST]]:
    """``(key, value node)`` pairs of an options dict literal or ``dict(...)`` call."""
    if isinstance(options, ast.Dict):
        return [
            (k.value, v) for k, v in zip(options.keys, options.values) if isinstance(k, ast.Constant) and isinstance(k.value, str)
        ]
    if isinstance(options, ast.Call) and isinstance(options.func, ast.Name) and options.func.id == "dict":
        return [(kw.arg, kw.value) for kw in options.keywords if kw.arg]
    return []


def _leeway_hit(value: ast.AST, where: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    secs = seconds(value, ctx)
    if secs is not None and secs >= MAX_LEEWAY:
        yield hit(
            where,
            f"leeway of {duration(secs)} accepts expired tokens for that long",
            "keep the leeway to a few minutes of clock skew",
            confidence=Confidence.MEDIUM,
        )


def _required(items: list[tuple[str, ast.AST]], ctx: FileContext) -> set[str]:
    """The claim names an options dict's ``"require"`` list names."""
    for key, v in items:
        if key == "require" and isinstance(v, (ast.List, ast.Tuple, ast.Set)):
            return {c for c in (ctx.const_str(e) for e in v.elts) if c}
    return set()


# The claims each option checks, and how a hand-written check compares them: times are
# ordered against a clock (RFC 7519 4.1.4-4.1.6), audience and issuer matched against a value.
_CLAIM_OF = {"verify_exp": "exp", "verify_nbf": "nbf", "verify_iat": "iat", "verify_aud": "aud", "verify_iss": "iss"}
_TIMES = frozenset({"exp", "nbf", "iat"})
_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_MATCHING = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)


def _claim_read(node: ast.AST, ctx: FileContext) -> str | None:
    """``claims["exp"]``, ``claims.get("exp")`` or ``claims.exp``: the claim name read."""
    if isinstance(node, ast.Subscript):
        return ctx.const_str(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        return ctx.const_str(node.args[0])
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def hand_checked_claims(ctx: FileContext, func: ast.AST | None) -> frozenset:
    """Claim names that a function compares itself: ``exp``, ``nbf`` and ``iat`` ordered
    against another value (``now < claims["exp"]``), ``aud`` and ``iss`` matched
    (``claims.aud == AUDIENCE``). A decode that turns PyJWT's check of such a claim off
    hands it to this check. Memoised per function."""
    if func is None:
        return frozenset()
    memo = ctx.__dict__.setdefault("_ais215_hand_checked", {})
    if id(func) in memo:
        return memo[id(func)]
    found = set()
    for node in own_nodes(func):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        for op, (left, right) in zip(node.ops, zip(operands, operands[1:])):
            for side in (left, right):
                for sub in ast.walk(side):
                    claim = _claim_read(sub, ctx)
                    if claim in ("exp", "nbf", "iat") and isinstance(op, _ORDERING):
                        found.add(claim)
                    elif claim in ("aud", "iss") and isinstance(op, _MATCHING):
                        found.add(claim)
    memo[id(func)] = frozenset(found)
    return memo[id(func)]


def _options_hits(value: ast.AST, ctx: FileContext, call: ast.Call) -> Iterator[Hit]:
    options = ctx.reaching_value(value) if isinstance(value, ast.Name) else value
    items = _items(options)
    if any(key == "verify_signature" and _is_false(v) for key, v in items):
        return  # AIS201's finding
    required = _required(items, ctx)
    for key, v in items:
        where = value if isinstance(value, ast.Name) else v
        if key in CLAIM_OPTIONS and _is_false(v):
            what, fix, conf = CLAIM_OPTIONS[key]
            claim = _CLAIM_OF.get(key)
            by_hand = hand_checked_claims(ctx, ctx.enclosing_function(call)) if claim else frozenset()
            # The claim must be present or is checked by hand; a function that checks the
            # expiry itself checks the token's time window (its nbf and iat) too.
            if claim is not None and (claim in required or claim in by_hand or (claim in _TIMES and "exp" in by_hand)):
                conf = Confidence.LOW
            yield hit(where, f"{what} not verified ({key}=False)", fix, confidence=conf)
        elif key == "leeway":
            yield from _leeway_hit(v, where, ctx)


def _authlib_decoder(node: ast.Call, ctx: FileContext) -> bool:
    if ctx.call_name(node) in AUTHLIB_DECODERS:
        return True
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr == "decode" and ctx.instance_of(func.value) in AUTHLIB_JWT


def _unvalidated_claims(node: ast.Call, ctx: FileContext) -> bool:
    """``claims = jwt.decode(...)`` in a function that never calls ``claims.validate()`` and
    does not hand ``claims`` itself to a caller or another function."""
    stmt = ctx.parent(node)
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return False
    name = stmt.targets[0].id
    scope = ctx.enclosing_function(node)
    if scope is None:
        return False
    for sub in ast.walk(scope):
        if not (isinstance(sub, ast.Name) and sub.id == name and isinstance(sub.ctx, ast.Load)):
            continue
        parent = ctx.parent(sub)
        if isinstance(parent, ast.Attribute) and parent.attr.startswith("validate"):  # validate(), validate_exp()
            return False
        if isinstance(parent, (ast.Return, ast.Yield, ast.Call, ast.keyword, ast.Starred)) or (
            isinstance(parent, ast.Assign) and parent.value is sub
        ):
            return False  # escapes: whoever receives it may validate
    return True


@on(ast.Call, callees={"decode", "decode_complete"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if ctx.settings.is_test_path(ctx.filename):
        return  # tokens a test mints or reads never reach a user
    name = ctx.call_name(node)
    if name in DECODERS:
        if any(kw.arg == "verify" and _is_false(kw.value) for kw in node.keywords):
            return  # PyJWT 1.x verify=False: AIS201's finding
        # A decode whose result is dropped reads no claim: it only asks whether the signature
        # verifies (was this token issued by us?).
        unused = isinstance(ctx.parent(node), ast.Expr)
        for kw in node.keywords:
            if kw.arg == "options":
                for h in _options_hits(kw.value, ctx, node):
                    yield h._replace(confidence=Confidence.LOW) if unused else h
            elif kw.arg == "verify_expiration" and _is_false(kw.value):
                what, fix, conf = CLAIM_OPTIONS["verify_exp"]
                yield hit(kw.value, f"{what} not verified (verify_expiration=False)", fix, confidence=conf)
            elif kw.arg == "leeway":
                yield from _leeway_hit(kw.value, kw.value, ctx)
        return
    if _authlib_decoder(node, ctx) and _unvalidated_claims(node, ctx):
        yield hit(
            node.func,
            "claims from Authlib's decode() used without claims.validate(), so exp and nbf are never checked",
            "call claims.validate() before using them",
            confidence=Confidence.MEDIUM,
        )
