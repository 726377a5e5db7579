"""AIS201 jwt-signature-unverified: a JWT decoded without checking its signature.

## What it does
Flags JSON Web Token decoding that skips signature verification or lets the token choose
how it is verified:

- PyJWT 2.x ``jwt.decode(..., options={"verify_signature": False})`` (also through
  ``dict(verify_signature=False)`` or a dict bound to a name first), and
  ``jwt.decode_complete`` likewise;
- PyJWT 1.x ``jwt.decode(..., verify=False)``;
- ``algorithms=["none"]`` (any case), which accepts unsigned tokens, and algorithms read
  from the token's own unverified header (``get_unverified_header(token)["alg"]``), which
  lets the sender choose, e.g. HS256 keyed with the RSA public key (unless the name holding
  it was compared before the decode with an algorithm the token does not name, the
  configured one or the key's own: ``if alg != self.SIGN_ALGO: raise``, an allow-list of one);
- an allow-list that mixes symmetric (``HS*``) and asymmetric (``RS*``, ``ES*``, ``PS*``,
  ``EdDSA``) algorithms, in ``jwt.decode`` or Authlib's ``JsonWebToken([...])``: a token
  signed with HMAC keyed with the (public) verification key passes (algorithm confusion);
- ``jwt.decode(token, key)`` with no ``algorithms`` allow-list (PyJWT 1.x and python-jose
  then take the algorithm from the token's header; PyJWT 2.x refuses the call, so code
  written this way runs only where it is unsafe), and ``algorithm="HS256"`` (singular), which
  ``decode`` does not read;
- python-jose ``jwt.get_unverified_claims(...)`` and the same ``options`` on ``jose.jwt.decode``.

``jwt.get_unverified_header`` alone is not flagged: reading the ``kid`` header to choose a
key before a verified decode is the documented pattern. Claims checks turned off while the
signature is verified (``verify_exp`` False, ...) are AIS215's, and Authlib's ``decode``
(which always verifies the signature) without ``claims.validate()`` too.

## Why is this bad?
Without the signature check, the claims are whatever the sender wrote: anyone can mint a
token for any user or role. Assistants produce this when a decode "fails" during development.
When the token picks the algorithm, an attacker signs with HMAC using the server's RSA public
key, which the server then uses as the HMAC secret (RFC 8725, section 2.1).

## Example
```python
import jwt

def current_user(token):
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]
```

## Use instead
```python
import os

import jwt

def current_user(token):
    claims = jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"])
    return claims["sub"]
```

## Known problems
Reading claims without verification is legitimate where the signature is not what the
program trusts; such reads are low confidence (hidden by default): when the same function
also verifies the same token name (a PyJWT decode with a key and full verification, an
Authlib decode, or a ``*verify*`` / ``*validate*`` JWT helper given it: the unverified read
only picks the key or issuer, or is the operator's ``verify_signature`` opt-out); when the
enclosing function's name says its result is unverified (``get_unverified_claims``); and
when the token is an ``id_token`` / ``access_token`` the server received from the identity
provider's token endpoint in the same function or class (a ``.json()`` response,
``fetch_token()``, ``authorize_access_token()``, a token set such as ``token_response`` or
``session.token``), where OIDC Core 3.1.3.7 lets TLS stand in for the signature, unless the
token is request data. A token that reaches a helper as a parameter is not traced to its
callers (a Google Sign-In backend receives its ``id_token`` from the browser); suppress the
finding with a comment saying where the token comes from.
The PyJWT version is not known to a linter: ``jwt.decode(token, key)`` is reported with
medium confidence because PyJWT 2.x raises instead of accepting any algorithm. An
allow-list built at run time (read from configuration) is not judged. jwcrypto is not
covered yet. In test files (``aisec-test-paths``), which decode tokens they made themselves,
findings are low confidence (hidden by default).

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
- [PyJWT usage: reading the claimset without validation](https://pyjwt.readthedocs.io/en/stable/usage.html#reading-the-claimset-without-validation)
- [PyJWT API: decode, algorithms "is required"](https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode)
- [python-jose: jwt.get_unverified_claims](https://python-jose.readthedocs.io/en/latest/jwt/api.html)
- [RFC 8725: JSON Web Token Best Current Practices, sections 2.1 and 3.1](https://www.rfc-editor.org/rfc/rfc8725#section-3.1)
- [OWASP JSON Web Token Cheat Sheet for Java: None hashing algorithm](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
- [OWASP Top 10 2021 A02: Cryptographic Failures](https://owasp.org/Top10/A02_2021-Cryptographic_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.flow import dominating_tests
from ..analysis.taint import own_nodes
from ..analysis.words import split_words
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
UNVERIFIED_READERS = frozenset({"jose.jwt.get_unverified_claims", "jose.jws.get_unverified_claims"})


def _is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _options_dict(value: ast.AST, ctx: FileContext) -> ast.AST | None:
    if isinstance(value, ast.Name):
        value = ctx.reaching_value(value)
    return value


def _verify_signature_off(options: ast.AST | None) -> ast.AST | None:
    """The ``False`` node that turns verify_signature off in an options dict, if any."""
    if isinstance(options, ast.Dict):
        for key, val in zip(options.keys, options.values):
            if isinstance(key, ast.Constant) and key.value == "verify_signature" and _is_false(val):
                return val
    elif isinstance(options, ast.Call) and isinstance(options.func, ast.Name) and options.func.id == "dict":
        for kw in options.keywords:
            if kw.arg == "verify_signature" and _is_false(kw.value):
                return kw.value
    return None


HEADER_READERS = frozenset({"jwt.get_unverified_header", "jose.jwt.get_unverified_header", "jwt.api_jws.get_unverified_header"})


def _from_unverified_header(expr: ast.AST, ctx: FileContext) -> bool:
    """``header["alg"]`` read from ``get_unverified_header``: the attacker picks the algorithm."""
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    for node in ast.walk(expr) if expr is not None else ():
        if isinstance(node, ast.Call) and ctx.call_name(node) in HEADER_READERS:
            return True
        if isinstance(node, ast.Name) and node is not expr:
            value = ctx.reaching_value(node)
            if isinstance(value, ast.Call) and ctx.call_name(value) in HEADER_READERS:
                return True
    return False


# PyJWT and python-jose name their allow-list `algorithms`; their third positional parameter
# is the allow-list in PyJWT 2.x and python-jose (PyJWT 1.x: `verify`, a bool).
_JOSE_OR_PYJWT2_THIRD = 2
AUTHLIB_JWT = frozenset({"authlib.jose.JsonWebToken", "authlib.jose.rfc7519.JsonWebToken"})


def _algorithm_names(expr: ast.AST, ctx: FileContext) -> list[tuple[ast.AST, str | None]]:
    """``(node, name or None)`` for each entry of an allow-list (a literal, or a name bound to one)."""
    if isinstance(expr, ast.Name):
        bound = ctx.reaching_value(expr)
        if isinstance(bound, (ast.List, ast.Tuple, ast.Set)):
            return [(expr, ctx.const_str(e)) for e in bound.elts]
    elts = expr.elts if isinstance(expr, (ast.List, ast.Tuple, ast.Set)) else [expr]
    return [(e, ctx.const_str(e)) for e in elts]


def _family(alg: str) -> str | None:
    """"symmetric" for HMAC, "asymmetric" for RSA, ECDSA, RSA-PSS and EdDSA (RFC 7518 3.1, RFC 8037)."""
    up = alg.upper()
    if up.startswith("HS"):
        return "symmetric"
    if up.startswith(("RS", "ES", "PS")) or up in ("EDDSA", "ED25519", "ED448"):
        return "asymmetric"
    return None


def _pinned_before(elt: ast.AST, ctx: FileContext) -> bool:
    """The name `elt` (``alg``) was compared with an algorithm the token does not name, and
    the decode runs only when they match: after ``if alg != self.OIDC_RP_SIGN_ALGO: raise``
    (or ``not in ALLOWED``), or inside ``if alg == key_alg:`` (``in``). The comparison is an
    allow-list (mozilla-django-oidc's ``_verify_jws``)."""
    if not isinstance(elt, ast.Name):
        return False
    for test, where in dominating_tests(ctx, elt):
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            continue
        op, left, right = test.ops[0], test.left, test.comparators[0]
        if isinstance(op, (ast.Eq, ast.NotEq)) and isinstance(right, ast.Name) and right.id == elt.id:
            left, right = right, left
        if not (isinstance(left, ast.Name) and left.id == elt.id) or _from_unverified_header(right, ctx):
            continue
        if isinstance(right, ast.Constant) and isinstance(right.value, str) and right.value.lower() == "none":
            continue
        if (where == "after" and isinstance(op, (ast.NotEq, ast.NotIn))) or (where == "body" and isinstance(op, (ast.Eq, ast.In))):
            return True
    return False


# The two halves of the message: the signature is not checked at all, or it is checked with
# whatever algorithm the token's own header names (algorithm confusion).
_UNVERIFIED = "decoded without verifying its signature"
_TOKEN_PICKS = "verified with the algorithm the token itself names"


def _allow_list_hits(expr: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    entries = _algorithm_names(expr, ctx)
    for elt, alg in entries:
        if alg is not None and alg.lower() == "none":
            yield hit(elt, _UNVERIFIED, "algorithm 'none' allowed", confidence=Confidence.HIGH)
        elif alg is None and _from_unverified_header(elt, ctx) and not _pinned_before(elt, ctx):
            yield hit(elt, _TOKEN_PICKS, "algorithm taken from the token's own header", confidence=Confidence.HIGH)
    kinds: dict[str, str] = {}
    for _elt, alg in entries:
        fam = _family(alg) if alg else None
        if fam is not None:
            kinds.setdefault(fam, alg)  # type: ignore[arg-type]
    if len(kinds) == 2:
        yield hit(
            expr,
            _TOKEN_PICKS,
            f"{kinds['symmetric']} accepted beside {kinds['asymmetric']}: the public key verifies forged HMAC tokens",
            confidence=Confidence.HIGH,
        )


@on(ast.Call, callees={n.rsplit(".", 1)[-1] for n in DECODERS | UNVERIFIED_READERS} | {"JsonWebToken"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """`_check_call`, at low confidence in test files (``aisec-test-paths``): tests decode
    tokens they made themselves, and a JWT library's tests exercise every option. An
    unverified read whose signature is not the trust anchor (`not_the_anchor`) is low too."""
    test = ctx.settings.is_test_path(ctx.filename)
    for h in _check_call(node, ctx):
        if test or (h.args[0] == _UNVERIFIED and not_the_anchor(ctx, node)):
            h = h._replace(confidence=Confidence.LOW)
        yield h


# A helper whose name says its result is unverified: get_unverified_claims, unverified_payload.
_PEEK_WORD = "unverified"
# The token fields of an OAuth 2.0 / OIDC token response (RFC 6749 5.1, OIDC Core 3.1.3.3).
_RESPONSE_TOKENS = frozenset({"id_token", "access_token"})
# Calls that return the token endpoint's response: an HTTP response's .json(), and the OAuth
# clients' code exchange (Authlib fetch_token / authorize_access_token, requests-oauthlib).
_TOKEN_RESPONSE_CALLS = frozenset({"json", "fetch_token", "fetch_access_token", "authorize_access_token"})
# Names of a token set: token_response, oauth_response, tokens, session.token.
_TOKEN_SET_WORDS = frozenset({"token", "tokens"})
_AUTHLIB_DECODERS = frozenset({"authlib.jose.jwt.decode"})


def not_the_anchor(ctx: FileContext, node: ast.Call) -> bool:
    """True when an unverified read is not what the program trusts the token on:

    - the enclosing function's name says its result is unverified (``get_unverified_claims``),
      so its callers know;
    - the same function also verifies the same token: a PyJWT decode with a key and an
      allow-list, an Authlib decode (which always checks the signature), or a call to a
      ``*verify*`` / ``*validate*`` function given it; the unverified read only picks the
      issuer or key, or is the operator's opt-out (``if verify_signature:`` ... else);
    - the token is an ``id_token`` / ``access_token`` the server received itself from the
      identity provider's token endpoint: read from a ``.json()`` response, ``fetch_token()``,
      ``authorize_access_token()``, a token set (``token_response``, ``session.token``), or
      an attribute of ``self`` set from one. OIDC Core 3.1.3.7 lets TLS stand in for the
      signature there.

    A token from request data (taint) is none of these: the last case then does not apply."""
    func = ctx.enclosing_function(node)
    if func is not None and (_PEEK_WORD in func.name.lower() or _verified_here(ctx, node, func)):
        return True
    token = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "jwt"), None)
    if token is None or not _from_token_endpoint(ctx, token):
        return False
    return ctx.taint.judge(token, "token")[0] != "source"


def _from_token_endpoint(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """``resp.json()["id_token"]``, ``tokens.get("access_token")``, ``self._id_token`` set
    from one, through names and one-argument wrappers (``str(...)``, ``validate(...)``)."""
    if depth > 4:
        return False
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and _from_token_endpoint(ctx, value, depth + 1)
    field, container = _token_field(ctx, expr)
    if field is not None:
        return field in _RESPONSE_TOKENS and _token_set(ctx, container, depth + 1)
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "self":
        return any(_from_token_endpoint(ctx, v, depth + 1) for v in _self_assignments(ctx, expr))
    if isinstance(expr, ast.Call) and len(expr.args) == 1 and not expr.keywords:
        return _from_token_endpoint(ctx, expr.args[0], depth + 1)
    return False


def _token_field(ctx: FileContext, expr: ast.AST) -> tuple[str | None, ast.AST | None]:
    """``(field, container)`` for ``c["f"]``, ``c.get("f")`` and ``c.f`` (not on ``self``)."""
    if isinstance(expr, ast.Subscript):
        return ctx.const_str(expr.slice), expr.value
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get" and expr.args:
        return ctx.const_str(expr.args[0]), expr.func.value
    if isinstance(expr, ast.Attribute) and expr.attr in _RESPONSE_TOKENS and not (isinstance(expr.value, ast.Name) and expr.value.id == "self"):
        return expr.attr, expr.value
    return None, None


def _token_set(ctx: FileContext, expr: ast.AST | None, depth: int) -> bool:
    """A token endpoint's response: ``resp.json()``, ``oauth.fetch_token(...)``, a name or
    attribute that says it is a token set (``token_response``, ``session.token``)."""
    if expr is None or depth > 6:
        return False
    if isinstance(expr, ast.Await):
        expr = expr.value
    if isinstance(expr, ast.Call):
        func = expr.func
        tail = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if tail in _TOKEN_RESPONSE_CALLS:
            return True
        return len(expr.args) == 1 and _token_set(ctx, expr.args[0], depth + 1)  # validate(resp.json())
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", None)
    if name is None:
        return False
    words = set(split_words(name))
    if words & _TOKEN_SET_WORDS and (len(words) == 1 or words & {"response", "set", "result", "content"}):
        return True
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and _token_set(ctx, value, depth + 1)
    return False


def _self_assignments(ctx: FileContext, attr: ast.Attribute) -> list[ast.AST]:
    """The values assigned to ``self.<attr>`` in the methods of the enclosing class."""
    cls = next((a for a in ctx.ancestors(attr) if isinstance(a, ast.ClassDef)), None)
    if cls is None:
        return []
    memo = ctx.__dict__.setdefault("_ais201_self_assignments", {})
    if id(cls) not in memo:
        found: dict[str, list] = {}
        for method in cls.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for sub in own_nodes(method):
                if isinstance(sub, (ast.Assign, ast.AnnAssign)) and sub.value is not None:
                    for target in sub.targets if isinstance(sub, ast.Assign) else [sub.target]:
                        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                            found.setdefault(target.attr, []).append(sub.value)
        memo[id(cls)] = found
    return memo[id(cls)].get(attr.attr, [])


def _verified_here(ctx: FileContext, node: ast.Call, func: ast.AST) -> bool:
    """True when the function that reads `node`'s token unverified also verifies the same
    token name: a PyJWT decode with a key and full verification (the unverified read only
    picks the issuer or the key: OIDC back-channel logout, multi-provider JWKS, the pattern
    the PyJWT docs show), an Authlib ``jwt.decode`` (which always checks the signature), or
    a call to a ``*verify*`` / ``*validate*`` function given the token (the unverified
    read is then the operator's opt-out or a peek)."""
    if not node.args or not isinstance(node.args[0], ast.Name):
        return False
    token = node.args[0].id
    for other in own_nodes(func):
        if other is node or not isinstance(other, ast.Call):
            continue
        if not any(isinstance(a, ast.Name) and a.id == token for a in other.args):
            continue
        name = ctx.call_name(other)
        if name in DECODERS:
            first = other.args[0] if other.args else None
            if not (isinstance(first, ast.Name) and first.id == token):
                continue
            if len(other.args) < 2 and not any(k.arg == "key" for k in other.keywords):
                continue
            if next(iter(_check_call(other, ctx)), None) is None:  # verified, with an allow-list
                return True
        elif name in _AUTHLIB_DECODERS or _authlib_instance_decode(ctx, other):
            return True
        else:
            func_name = other.func.attr if isinstance(other.func, ast.Attribute) else getattr(other.func, "id", "")
            words = set(split_words(func_name))
            if words & {"verify", "validate"} and words & {"jwt", "token", "signature", "jws"}:
                return True
    return False


def _authlib_instance_decode(ctx: FileContext, call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and func.attr == "decode" and ctx.instance_of(func.value) in AUTHLIB_JWT


def _check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node)
    if name in UNVERIFIED_READERS:
        yield hit(node.func, _UNVERIFIED, "get_unverified_claims()", confidence=Confidence.HIGH)
        return
    if name in AUTHLIB_JWT:
        allowed = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "algorithms"), None)
        if allowed is not None:
            yield from _allow_list_hits(allowed, ctx)
        return
    if name not in DECODERS:
        return
    unverified = False
    allow_list: ast.AST | None = node.args[_JOSE_OR_PYJWT2_THIRD] if len(node.args) > _JOSE_OR_PYJWT2_THIRD else None
    singular: ast.keyword | None = None
    if allow_list is not None and _is_false(allow_list):  # PyJWT 1.x decode(token, key, False)
        unverified, allow_list = True, None
        yield hit(node.args[_JOSE_OR_PYJWT2_THIRD], _UNVERIFIED, "verify=False", confidence=Confidence.HIGH)
    for kw in node.keywords:
        if kw.arg == "options":
            off = _verify_signature_off(_options_dict(kw.value, ctx))
            if off is not None:
                unverified = True
                # Through a name, point at the call's argument: that is the guilty use.
                where = kw.value if isinstance(kw.value, ast.Name) else off
                yield hit(where, _UNVERIFIED, "options verify_signature=False", confidence=Confidence.HIGH)
        elif kw.arg == "verify" and _is_false(kw.value):
            unverified = True
            yield hit(kw.value, _UNVERIFIED, "verify=False", confidence=Confidence.HIGH)
        elif kw.arg == "algorithms":
            allow_list = kw.value
        elif kw.arg == "algorithm":
            singular = kw
    if allow_list is not None:
        if not (isinstance(allow_list, ast.Constant) and allow_list.value is None):
            yield from _allow_list_hits(allow_list, ctx)
            return
    if singular is not None:
        yield from _allow_list_hits(singular.value, ctx)
    if unverified or any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
        return
    if singular is not None:
        yield hit(singular, _TOKEN_PICKS, "algorithm= is not read by decode(), so nothing pins the algorithm", confidence=Confidence.MEDIUM)
    else:
        yield hit(node.func, _TOKEN_PICKS, "no algorithms allow-list", confidence=Confidence.MEDIUM)
