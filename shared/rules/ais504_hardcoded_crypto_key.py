"""AIS504 hardcoded-crypto-key: an encryption key or a password-hashing salt written in the code.

## What it does
Flags a constant given as a symmetric encryption key or as the salt of a password-based key
derivation:

- keys: pyca/cryptography ``Fernet(...)``, the AEAD classes (``AESGCM``,
  ``ChaCha20Poly1305``, ``AESCCM``, ``AESOCB3``, ``AESSIV``, ``AESGCMSIV``) and every
  ``algorithms.X(key)`` (``Cipher(algorithms.AES(b"..."), ...)``); PyCryptodome and PyCrypto
  ``AES.new(b"...", ...)`` and the other ``Crypto.Cipher`` modules; pyDes; PyNaCl
  ``SecretBox`` and ``Aead``;
- salts: ``hashlib.pbkdf2_hmac(..., salt)``, ``hashlib.scrypt(salt=...)``, cryptography
  ``PBKDF2HMAC(salt=...)``, ``Scrypt(salt, ...)`` and ``Argon2id(salt=...)``, PyCryptodome
  ``PBKDF2``, ``scrypt`` and ``bcrypt``, ``bcrypt.kdf`` and ``bcrypt.hashpw`` with a literal
  salt, argon2-cffi ``hash_secret`` / ``hash_secret_raw``.

A constant is a literal, a name or ``self`` attribute bound only to literals, or a value
computed from constants: ``b"\\x00" * 32``, ``bytes(16)``, ``bytes.fromhex("...")``,
``base64.urlsafe_b64encode(b"...")``, ``hashlib.sha256(b"my secret").digest()``, a KDF's
``derive(b"passphrase")``. A hash or KDF of a constant bound to a name that says *key*, or
returned by a function that does (``def key_from_passphrase(): return
hashlib.sha256(b"...").digest()``), is reported at medium confidence even when no cipher is
seen. The finding points at the literal where the fix belongs (the
binding of ``KEY = b"..."``, not each use) and shows the key masked. The rule wins over
AIS101 on the same literal.

## Why is this bad?
A key in the source is shared by every copy of the code, its history and every backup of the
repository: anyone who reads it decrypts all the data it protects, and it cannot be rotated
without a release. A constant salt lets an attacker precompute one dictionary for every
password the application ever derives. Assistants write ``key = b"0123456789abcdef"`` and
``salt = b"static_salt"`` to make examples run.

## Example
```python
from cryptography.fernet import Fernet

fernet = Fernet(b"3zN5y1oVQ2rTgq8mB0cKjX7uHfWd6LpA9sEeRkYtUiI=")


def seal(data):
    return fernet.encrypt(data)
```

## Use instead
```python
import os

from cryptography.fernet import Fernet

fernet = Fernet(os.environ["FERNET_KEY"])


def seal(data):
    return fernet.encrypt(data)
```

## Known problems
HMAC keys are left to AIS105, which reports ``hmac.new(b"...")`` at low confidence (constant
HMAC keys are also public domain separators). For the same reason a constant salt that reads
as a purpose label (``b"myproxy:envelope-signing:"``) given to ``hashlib.scrypt`` or
``pbkdf2_hmac`` over a value named as a key or token (``master_key.encode()``, not a
password), or to a KDF object whose every ``derive`` takes one (``PBKDF2HMAC(salt=...)``
then ``kdf.derive(secret.get_secret_value().encode())``), is low confidence: deterministic subkey derivation, where both ends must derive
the same key. HKDF salts and ``info`` are not secrets (RFC
5869 allows a fixed salt) and are not reported. Keys read from another module
(``from config import KEY``) or built through a chain of helper calls are not followed, and
neither is such a name rebound in the module (``KEY = KEY.encode()`` holds what the import
gave, not a constant). A key
derived from a constant that is never seen reaching a cipher is reported only when it is kept
under a key name (medium confidence); lookup keys (``cache_key``, ``partition_key``) are not
key material. In test code (a file under ``aisec-test-paths`` that imports pytest or unittest
or defines ``test_*`` functions) findings are low confidence: tests use fixed keys and
known-answer vectors on purpose. Empty keys and template placeholders (``"<key>"``,
``"${KEY}"``) are skipped; an empty salt is reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-321: Use of Hard-coded Cryptographic Key](https://cwe.mitre.org/data/definitions/321.html)
- [CWE-760: Use of a One-Way Hash with a Predictable Salt](https://cwe.mitre.org/data/definitions/760.html)
- [OWASP Cryptographic Storage Cheat Sheet: Key Management](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#key-management)
- [OWASP Password Storage Cheat Sheet: Salting](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#salting)
- [pyca/cryptography: Fernet, using passwords with Fernet (random salt)](https://cryptography.io/en/latest/fernet/#using-passwords-with-fernet)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import (
    PYCRYPTODOME_SYMMETRIC,
    arg,
    confidence_here,
    cryptography_aead,
    cryptography_algorithm,
    display,
    input_name,
    pycryptodome_cipher,
)
from ..analysis.fixed_values import (
    DERIVATIONS,
    FIXED_CALLS,
    FIXED_METHODS,
    Fixed,
    fixed_value,
    literal_text,
)
from ..analysis.literals import is_template
from ..analysis.patterns import lazy_compile
from ..analysis.words import mask, secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on


def describe(fixed: Fixed) -> str:
    """The value for a message, masked: ``'Qm***' (16 chars)``, ``(derived from 'co***' (21
    chars))``, ``(built from constants)``, ``(empty)``."""
    if fixed.text is not None:
        return mask(fixed.text) if fixed.text else "(empty)"
    inner = literal_text(fixed.node)
    # A short literal (b"\\x00" * 32) says nothing masked: describe the shape instead.
    return f"(derived from {mask(inner)})" if inner and len(inner) > 6 else "(built from constants)"




# --- where keys and salts go ------------------------------------------------------------------
_KEY = "encryption key"
_SALT = "salt"
# Password-based KDFs: qualified name -> (index, keyword) of the salt. HKDF is left out on
# purpose: RFC 5869 section 3.1 allows a fixed, non-secret salt.
SALT_ARGS: dict[str, tuple[int | None, str]] = {
    "hashlib.pbkdf2_hmac": (2, "salt"),
    "hashlib.scrypt": (None, "salt"),
    "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC": (2, "salt"),
    "cryptography.hazmat.primitives.kdf.scrypt.Scrypt": (0, "salt"),
    "cryptography.hazmat.primitives.kdf.argon2.Argon2id": (None, "salt"),
    "cryptography.hazmat.primitives.kdf.argon2.Argon2i": (None, "salt"),
    "cryptography.hazmat.primitives.kdf.argon2.Argon2d": (None, "salt"),
    "Crypto.Protocol.KDF.PBKDF2": (1, "salt"),
    "Crypto.Protocol.KDF.scrypt": (1, "salt"),
    "Crypto.Protocol.KDF.bcrypt": (2, "salt"),
    "Cryptodome.Protocol.KDF.PBKDF2": (1, "salt"),
    "Cryptodome.Protocol.KDF.scrypt": (1, "salt"),
    "Cryptodome.Protocol.KDF.bcrypt": (2, "salt"),
    "bcrypt.kdf": (1, "salt"),
    "bcrypt.hashpw": (1, "salt"),
    "argon2.low_level.hash_secret": (1, "salt"),
    "argon2.low_level.hash_secret_raw": (1, "salt"),
}
_OTHER_KEYED = frozenset({"cryptography.fernet.Fernet", "nacl.secret.SecretBox", "nacl.secret.Aead", "pyDes.des", "pyDes.triple_des"})
_FIXES = {
    _KEY: "load it from a secret manager or the environment",
    _SALT: "generate a random salt per password (os.urandom(16)) and store it with the result",
}


def key_argument(ctx: FileContext, call: ast.Call) -> tuple[ast.AST, str] | None:
    """(argument, "encryption key" | "salt") when `call` takes a key or a salt, else None."""
    name = ctx.call_name(call)
    if not name:
        return None
    if name in SALT_ARGS:
        index, keyword = SALT_ARGS[name]
        value = arg(call, index, keyword)
        return (value, _SALT) if value is not None else None
    if (
        name in _OTHER_KEYED
        or cryptography_aead(name)
        or cryptography_algorithm(name)
        or pycryptodome_cipher(name) in PYCRYPTODOME_SYMMETRIC
    ):
        value = arg(call, 0, "key")
        return (value, _KEY) if value is not None else None
    return None


_CALLEES = frozenset(
    {
        "pbkdf2_hmac", "scrypt", "PBKDF2HMAC", "Scrypt", "Argon2id", "Argon2i", "Argon2d", "PBKDF2",
        "bcrypt", "kdf", "hashpw", "hash_secret", "hash_secret_raw", "Fernet", "SecretBox", "Aead",
        "des", "triple_des", "new", "AESGCM", "AESGCMSIV", "AESCCM", "AESOCB3", "AESSIV",
        "ChaCha20Poly1305", "AES", "AES128", "AES256", "Camellia", "ChaCha20", "SM4", "TripleDES",
        "Blowfish", "CAST5", "IDEA", "SEED", "ARC4", "RC2",
    }
)


@on(ast.Call, callees=_CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    found = key_argument(ctx, node)
    if found is None:
        return
    value, kind = found
    fixed = fixed_value(ctx, value)
    if fixed is None:
        return
    if kind == _KEY and fixed.text is not None and is_template(fixed.text):
        return
    shown = describe(fixed)
    confidence = Confidence.HIGH
    if kind == _SALT and _domain_label(fixed.text) and _keyed_secret(ctx, node):
        confidence = Confidence.LOW
    yield hit(fixed.node, kind, shown, display(node), _FIXES[kind], confidence=confidence_here(ctx, confidence))


# A salt that reads as a purpose label: words joined by separators, with a ':' or two or more
# words ("myproxy-bridge:envelope-signing:", "app.session.v1").
_LABEL_SALT = lazy_compile(r"^[A-Za-z][A-Za-z0-9]{0,40}(?:[:._/ -]{1,3}[A-Za-z0-9]{1,40}){1,12}[:._/ -]{0,3}$")


def _domain_label(text: str | None) -> bool:
    """A constant salt that names a purpose (`_LABEL_SALT`), as HKDF's ``info`` does."""
    return bool(text) and _LABEL_SALT.match(text) is not None  # type: ignore[arg-type]


def _keyed_secret(ctx: FileContext, call: ast.Call) -> bool:
    """The KDF's secret input is named as a key or token (``master_key.encode()``,
    ``secret_key``, ``api_token``), not a password: deterministic subkey derivation from a
    high-entropy secret, where both ends must derive the same key and a fixed, labelled salt
    separates the purposes. A password-named or unnamed input is not."""
    name = ctx.call_name(call)
    if name in DERIVATIONS:
        index, keyword = DERIVATIONS[name]
        inputs = [arg(call, index, keyword)]
    else:
        inputs = _derived_inputs(ctx, call)
    if not inputs:
        return False
    for expr in inputs:
        label = input_name(ctx, _unwrap_secret(ctx, expr), follow=True)
        kind = secret_name_kind(label) if label is not None else None
        if kind is None or kind == "password":
            return False
    return True


def _derived_inputs(ctx: FileContext, call: ast.Call) -> list[ast.AST]:
    """The key material of a KDF object (cryptography's ``PBKDF2HMAC``, ``Scrypt``, which
    take it in ``derive``, not in the constructor): the first argument of every
    ``kdf.derive(x)`` / ``kdf.verify(x, expected)`` of the function where ``kdf = KDF(...)``
    is bound; empty when the object is used otherwise or not named."""
    parent = ctx.parent(call)
    if not (isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name)):
        return []
    target = parent.targets[0].id
    scope = ctx.scope_of(call)
    found = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Name) and node.id == target and isinstance(node.ctx, ast.Load):
            attr = ctx.parent(node)
            use = ctx.parent(attr)
            if not (isinstance(attr, ast.Attribute) and attr.attr in ("derive", "verify") and isinstance(use, ast.Call) and use.func is attr and use.args):
                return []
            found.append(use.args[0])
    return found


def _unwrap_secret(ctx: FileContext, expr: ast.AST | None) -> ast.AST | None:
    """The value a KDF input is read from, past ``.encode()`` / ``.strip()``, pydantic's
    ``.get_secret_value()`` and a name bound to ``x if test else ""`` (an empty fallback):
    ``secret`` for ``secret.get_secret_value().encode()`` and for ``plaintext.encode()``
    after ``plaintext = secret.get_secret_value() if secret is not None else ""``."""
    for _ in range(6):
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("encode", "strip", "get_secret_value"):
            expr = expr.func.value
        elif isinstance(expr, ast.Name):
            value = ctx.reaching_value(expr)
            if isinstance(value, ast.IfExp) and isinstance(value.orelse, ast.Constant):
                expr = value.body
            elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in ("encode", "strip", "get_secret_value"):
                expr = value
            else:
                break
        else:
            break
    return expr


# --- keys derived from a constant and kept under a key name ---------------------------------
# ``key = hashlib.sha256(b"passphrase").digest()``: the derivation hides the literal, not the
# key. Reported (medium confidence) when bound to, or returned by, something named for a key;
# names of lookup keys (cache, dedupe, ETag, ...) are not key material.
_DERIVING_CALLEES = frozenset({"digest", "derive", "pbkdf2_hmac", "scrypt"})
_LOOKUP_WORDS = frozenset(
    {"cache", "lookup", "idempotency", "etag", "dedupe", "dedup", "partition", "sort", "row", "index",
     "object", "redis", "bucket", "s3", "storage", "dict", "map", "primary", "foreign", "api", "public"}
)


def _outermost(ctx: FileContext, node: ast.AST) -> ast.AST:
    """Climb through encodings and slices: ``base64.b64encode(h.digest())[:32]``."""
    for _ in range(8):
        parent = ctx.parent(node)
        if isinstance(parent, ast.Subscript) and parent.value is node:
            node = parent
        elif isinstance(parent, ast.Attribute) and parent.attr in FIXED_METHODS:
            call = ctx.parent(parent)
            if not isinstance(call, ast.Call):
                break
            node = call
        elif isinstance(parent, ast.Call) and ctx.call_name(parent) in FIXED_CALLS and node in parent.args:
            node = parent
        else:
            break
    return node


def _key_name(ctx: FileContext, expr: ast.AST) -> str | None:
    """The name `expr` is kept under when it says "key": an assignment target or, for a
    return, the function's name."""
    parent = ctx.parent(expr)
    name = None
    if isinstance(parent, ast.Return):
        func = ctx.enclosing_function(parent)
        name = func.name if func is not None else None
    elif isinstance(parent, (ast.Assign, ast.AnnAssign)) and parent.value is expr:
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        if len(targets) == 1:
            target = targets[0]
            name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else None
    if not name:
        return None
    words = set(split_words(name))
    return name if "key" in words and not words & _LOOKUP_WORDS else None


@on(ast.Call, callees=_DERIVING_CALLEES)
def check_derived_key(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = ctx.call_name(node) or ""
    if isinstance(func, ast.Attribute) and func.attr == "digest" and not name:
        receiver = func.value
        if not (isinstance(receiver, ast.Call) and (ctx.call_name(receiver) or "").startswith("hashlib.")):
            return
    elif name not in DERIVATIONS and not (isinstance(func, ast.Attribute) and func.attr == "derive" and not name):
        return
    fixed = fixed_value(ctx, node)
    if fixed is None or fixed.text is not None:
        return
    kept_as = _key_name(ctx, _outermost(ctx, node))
    if kept_as is None:
        return
    shown = describe(fixed)
    yield hit(fixed.node, _KEY, shown, f"a hash kept as '{kept_as}'", _FIXES[_KEY],
              confidence=confidence_here(ctx, Confidence.MEDIUM))
