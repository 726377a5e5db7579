"""AIS201 jwt-signature-unverified: a JWT decoded without checking its signature.

## What it does
Flags JSON Web Token decoding that skips signature verification:

- PyJWT 2.x ``jwt.decode(..., options={"verify_signature": False})`` (also through
  ``dict(verify_signature=False)`` or a dict bound to a name first), and
  ``jwt.decode_complete`` likewise;
- PyJWT 1.x ``jwt.decode(..., verify=False)``;
- ``algorithms=["none"]`` (any case), which accepts unsigned tokens, and algorithms read
  from the token's own unverified header (``get_unverified_header(token)["alg"]``), which
  lets the sender choose, e.g. HS256 keyed with the RSA public key;
- python-jose ``jwt.get_unverified_claims(...)`` and the same ``options`` on ``jose.jwt.decode``.

``jwt.get_unverified_header`` is not flagged: reading the ``kid`` header to choose a key
before a verified decode is the documented pattern.

## Why is this bad?
Without the signature check, the claims are whatever the sender wrote: anyone can mint a
token for any user or role. Assistants produce this when a decode "fails" during development.

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
Reading claims without verification is legitimate when the result only picks the key or
issuer for a second, verified decode; suppress the finding there with a comment saying so.
Decoders other than PyJWT and python-jose (authlib, jwcrypto) are not covered yet.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
- [PyJWT usage: reading the claimset without validation](https://pyjwt.readthedocs.io/en/stable/usage.html#reading-the-claimset-without-validation)
- [python-jose: jwt.get_unverified_claims](https://python-jose.readthedocs.io/en/latest/jwt/api.html)
- [RFC 8725: JSON Web Token Best Current Practices, section 3.1](https://www.rfc-editor.org/rfc/rfc8725#section-3.1)
- [OWASP Top 10 2021 A02: Cryptographic Failures](https://owasp.org/Top10/A02_2021-Cryptographic_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

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


@on(ast.Call, callees={n.rsplit(".", 1)[-1] for n in DECODERS | UNVERIFIED_READERS})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node)
    if name in UNVERIFIED_READERS:
        yield hit(node.func, "get_unverified_claims()", confidence=Confidence.HIGH)
        return
    if name not in DECODERS:
        return
    for kw in node.keywords:
        if kw.arg == "options":
            off = _verify_signature_off(_options_dict(kw.value, ctx))
            if off is not None:
                # Through a name, point at the call's argument: that is the guilty use.
                where = kw.value if isinstance(kw.value, ast.Name) else off
                yield hit(where, "options verify_signature=False", confidence=Confidence.HIGH)
        elif kw.arg == "verify" and _is_false(kw.value):
            yield hit(kw.value, "verify=False", confidence=Confidence.HIGH)
        elif kw.arg in ("algorithms", "algorithm"):
            elts = kw.value.elts if isinstance(kw.value, (ast.List, ast.Tuple, ast.Set)) else [kw.value]
            for elt in elts:
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str) and elt.value.lower() == "none":
                    yield hit(elt, "algorithm 'none'", confidence=Confidence.HIGH)
                elif _from_unverified_header(elt, ctx):
                    yield hit(elt, "algorithm taken from the token's own header", confidence=Confidence.HIGH)
