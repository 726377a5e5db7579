"""AIS902 token-handling: code that issues, verifies or compares a token (opt-in review aid).

## What it does
Marks, for review, each place that mints or checks a bearer credential:

- JSON Web Tokens: PyJWT ``jwt.encode`` / ``jwt.decode`` / ``get_unverified_header``,
  python-jose ``jose.jwt.*``, Authlib ``authlib.jose.jwt.*`` and ``JsonWebToken(...)``
  encode / decode, Flask-JWT-Extended ``create_access_token`` / ``create_refresh_token`` /
  ``decode_token``, Simple JWT ``RefreshToken.for_user`` / ``AccessToken(...)`` and helpers
  named ``create_access_token`` / ``decode_access_token`` / ``verify_token``;
- signed tokens: itsdangerous serializers and signers (``dumps`` / ``loads`` / ``sign`` /
  ``unsign`` on an object built from ``itsdangerous``), Django ``signing.dumps`` /
  ``signing.loads`` and ``Signer`` / ``TimestampSigner``, Django's password-reset
  ``default_token_generator.make_token`` / ``check_token``;
- random tokens: ``secrets.token_hex`` / ``token_urlsafe`` / ``token_bytes``;
- constant-time comparisons, where a token or signature is checked:
  ``hmac.compare_digest`` / ``secrets.compare_digest``.

The finding is a fact, not a flaw: confidence is high, severity low. The rule is off by
default; turn it on with ``aisec-enable`` (all review aids: ``AIS9``), then list a change's
identity code with
``flake8 --select=AIS9 --aisec-enable=AIS9 $(git diff --name-only main -- '*.py')``.

## Why is this bad?
It is not; it is where a mistake hurts most. A token's algorithm, lifetime, audience, key and
the claims a decision reads are easy to get subtly wrong, and the default rules check only
the patterns they know (AIS201, AIS203, AIS209, AIS210, AIS215). A human should read every
change to this code.

## Example
```python
import datetime

import jwt

def issue(user_id, key):
    now = datetime.datetime.now(datetime.timezone.utc)
    return jwt.encode({"sub": str(user_id), "exp": now + datetime.timedelta(minutes=15)}, key, algorithm="HS256")
```

## Use instead
Nothing to change: the finding marks the code for review. Code that only reads the identity
a framework already verified has nothing to mark:

```python
from flask import Flask
from flask_jwt_extended import get_jwt_identity, jwt_required

app = Flask(__name__)

@app.get("/me")
@jwt_required()
def me():
    return {"user": get_jwt_identity()}
```

## Known problems
The label names what the call does, not whether it is safe: ``jwt.decode`` reads "token
decoded" whether or not it verifies the signature (AIS201 reports one that does not).
``dumps`` / ``loads`` / ``sign`` / ``unsign`` are marked only when the object is built from
itsdangerous or ``django.core.signing`` in the same module (``serializer =
URLSafeTimedSerializer(...)``); a serializer passed in from elsewhere is not.

## Options
``aisec-enable`` (``AIS9`` or ``AIS902``) turns the rule on.

## References
- [CWE-1390: Weak Authentication](https://cwe.mitre.org/data/definitions/1390.html)
- [OWASP JSON Web Token Cheat Sheet for Java (the checks apply to any language)](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
- [RFC 8725: JSON Web Token Best Current Practices](https://www.rfc-editor.org/rfc/rfc8725)
- [itsdangerous documentation](https://itsdangerous.palletsprojects.com/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..checks import Confidence, FileContext, Hit, hit, on

_JWT_MODULES = ("jwt", "jose.jwt", "authlib.jose.jwt", "jwt.api_jwt", "jwt.api_jws", "jose.jws", "jwcrypto.jwt")
_JWT_VERBS = {"encode": "token issued", "decode": "token decoded", "get_unverified_header": "token header read",
              "get_unverified_claims": "token claims read", "sign": "token issued", "verify": "token verified"}
# Qualified names: https://flask-jwt-extended.readthedocs.io/en/stable/api.html ,
# https://docs.python.org/3/library/secrets.html , https://docs.djangoproject.com/en/stable/topics/signing/
_QUALIFIED = {
    "flask_jwt_extended.create_access_token": "token issued",
    "flask_jwt_extended.create_refresh_token": "token issued",
    "flask_jwt_extended.decode_token": "token decoded",
    "secrets.token_hex": "token generated",
    "secrets.token_urlsafe": "token generated",
    "secrets.token_bytes": "token generated",
    "hmac.compare_digest": "token or signature compared",
    "secrets.compare_digest": "token or signature compared",
    "django.core.signing.dumps": "signed token issued",
    "django.core.signing.loads": "signed token verified",
    "rest_framework_simplejwt.tokens.RefreshToken.for_user": "token issued",
    "rest_framework_simplejwt.tokens.AccessToken": "token verified",
    "rest_framework_simplejwt.tokens.RefreshToken": "token verified",
    "rest_framework_simplejwt.tokens.UntypedToken": "token verified",
}
# Project helpers recognised by name.
_NAMED = {
    "create_access_token": "token issued",
    "create_refresh_token": "token issued",
    "issue_token": "token issued",
    "decode_access_token": "token decoded",
    "decode_token": "token decoded",
    "verify_token": "token verified",
    "verify_access_token": "token verified",
}
_SIGNER_METHODS = {"dumps": "signed token issued", "loads": "signed token verified", "sign": "signed token issued",
                   "unsign": "signed token verified", "sign_object": "signed token issued", "unsign_object": "signed token verified"}
_SIGNER_MODULES = ("itsdangerous", "django.core.signing")
_RESET_TOKENS = {"make_token": "reset token issued", "check_token": "reset token verified"}


def _label(expr: ast.AST) -> str:
    text = ast.unparse(expr)
    return text if len(text) <= 40 else "..." + text[-37:]


def _what(node: ast.Call, ctx: FileContext) -> str | None:
    qn = ctx.call_name(node) or ""
    if qn in _QUALIFIED:
        return _QUALIFIED[qn]
    module, _, verb = qn.rpartition(".")
    if module in _JWT_MODULES and verb in _JWT_VERBS:
        return _JWT_VERBS[verb]
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if isinstance(func, ast.Attribute):
        receiver = func.value
        inst = ctx.instance_of(receiver) or ""
        if name in ("encode", "decode") and (inst.startswith(("authlib.jose", "jwt.")) or inst == "jwt.PyJWT"):
            return _JWT_VERBS[name]
        if name in _SIGNER_METHODS and inst.startswith(_SIGNER_MODULES):
            return _SIGNER_METHODS[name]
        if name in _RESET_TOKENS and (
            "token_generator" in getattr(receiver, "id", getattr(receiver, "attr", ""))
            or inst.startswith("django.contrib.auth.tokens")
            or (ctx.qualname(receiver) or "").startswith("django.contrib.auth.tokens")
        ):
            return _RESET_TOKENS[name]
    if name in _NAMED and not qn.startswith(("flask_jwt_extended", "jwt", "jose")):
        return _NAMED[name]
    return None


_CALLEES = (
    {q.rsplit(".", 1)[-1] for q in _QUALIFIED} | set(_JWT_VERBS) | set(_NAMED) | set(_SIGNER_METHODS) | set(_RESET_TOKENS)
)


@on(ast.Call, callees=_CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    what = _what(node, ctx)
    if what is not None:
        yield hit(node.func, what, _label(node.func) + "()", confidence=Confidence.HIGH)
