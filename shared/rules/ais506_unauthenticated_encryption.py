"""AIS506 unauthenticated-encryption: CBC, CTR, CFB or OFB encryption with no MAC over the ciphertext.

## What it does
Flags encryption with a mode that gives confidentiality only, in a function that writes
ciphertext and never authenticates it:

- pyca/cryptography ``Cipher(algorithms.AES(key), modes.CBC(iv))`` (also ``CTR``, ``CFB``,
  ``CFB8``, ``OFB``) followed by ``.encryptor()``, and ``algorithms.ChaCha20`` without
  Poly1305;
- PyCryptodome and PyCrypto ``AES.new(key, AES.MODE_CBC, ...)`` (also ``MODE_CTR``,
  ``MODE_CFB``, ``MODE_OFB``, ``MODE_OPENPGP``) followed by ``.encrypt(...)``, and
  ``ChaCha20.new`` / ``Salsa20.new``.

The function (or, for a cipher built in ``__init__``, its class) must encrypt. It is reported
at medium confidence when it keeps the ciphertext (returns it, binds it or passes it on) and no
MAC is in sight, and at low confidence when the ciphertext is discarded or when another
function of the module calls it and computes a MAC (encrypt-then-MAC split over two
functions). A MAC in the same function (``hmac``, ``HMAC``, ``CMAC``, ``Poly1305``, a helper
or variable named ``mac``, ``sign``, ``tag`` or ``authenticate``), decryption-only code
(reading legacy data), ECB (AIS502) and the weak ciphers of AIS501 are not reported here. The
finding points at the mode.

## Why is this bad?
Without a MAC, an attacker who can change stored or transmitted ciphertext changes the
plaintext at will: flipping a CTR or OFB ciphertext bit flips the same plaintext bit, and a
server that reports CBC padding errors decrypts any message for them byte by byte (the
padding-oracle attack). Authenticated encryption (AES-GCM, ChaCha20-Poly1305, Fernet)
detects every change. Assistants pick AES-CBC because most tutorials do.

## Example
```python
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt(key, data):
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padded) + encryptor.finalize()
```

## Use instead
```python
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def encrypt(key, data):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)
```

## Known problems
A MAC computed by a caller in another module, or by a transport (TLS), is not seen. In test
code findings are low confidence. Ciphers built in one function and
used to encrypt in an unrelated one (outside a class) are not linked. Disk and stream formats
that authenticate at another layer (XTS, a signed archive) should suppress the finding with
the reason.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-649: Reliance on Obfuscation or Encryption of Security-Relevant Inputs without Integrity Checking](https://cwe.mitre.org/data/definitions/649.html)
- [CWE-353: Missing Support for Integrity Check](https://cwe.mitre.org/data/definitions/353.html)
- [OWASP Cryptographic Storage Cheat Sheet: Cipher Modes ("use an authenticated mode")](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#cipher-modes)
- [pyca/cryptography: modes.CBC, "does not provide authentication"](https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#cryptography.hazmat.primitives.ciphers.modes.CBC)
- [PyCryptodome: Classic modes "provide confidentiality but not data integrity"](https://pycryptodome.readthedocs.io/en/latest/src/cipher/classic.html)
- [Vaudenay 2002: Security Flaws Induced by CBC Padding](https://www.iacr.org/archive/eurocrypt2002/23320530/cbc02_e02d.pdf)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import (
    arg,
    cryptography_algorithm,
    cryptography_mode,
    in_tests,
    pycryptodome_cipher,
    weak_cipher_of,
)
from ..analysis.fixed_values import follow_names
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

_UNAUTHENTICATED_MODES = frozenset({"CBC", "CTR", "CFB", "CFB8", "OFB"})
_PYCRYPTODOME_MODES = frozenset({"MODE_CBC", "MODE_CTR", "MODE_CFB", "MODE_OFB", "MODE_OPENPGP"})
_STREAM_CIPHERS = frozenset({"ChaCha20", "Salsa20"})
# Names that show a MAC is computed: modules and classes, and words of helper names.
_MAC_NAMES = frozenset({"hmac", "HMAC", "CMAC", "cmac", "Poly1305", "poly1305", "compare_digest"})
_MAC_QUALNAME_PREFIXES = (
    "hmac.", "cryptography.hazmat.primitives.hmac", "cryptography.hazmat.primitives.cmac",
    "cryptography.hazmat.primitives.poly1305", "Crypto.Hash.HMAC", "Crypto.Hash.CMAC",
    "Crypto.Hash.Poly1305", "Cryptodome.Hash.HMAC", "Cryptodome.Hash.CMAC", "Cryptodome.Hash.Poly1305",
    "nacl.",
)
_MAC_WORDS = frozenset({"hmac", "mac", "cmac", "sign", "signature", "authenticate", "authenticated"})
# Inside the encrypting function a "tag" is a MAC too; elsewhere it may be GCM's own tag.
_LOCAL_MAC_WORDS = _MAC_WORDS | {"tag"}
_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _own_nodes(unit: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function or class, without nested functions (a class keeps its methods)."""
    work = list(ast.iter_child_nodes(unit))
    while work:
        node = work.pop()
        if isinstance(node, _FUNCS + (ast.Lambda,)) and not isinstance(unit, ast.ClassDef):
            continue
        yield node
        work.extend(ast.iter_child_nodes(node))


# Packages whose cipher modes the rule reads (cryptography hazmat, PyCryptodome, PyCrypto).
_CIPHER_PACKAGES = frozenset({"cryptography", "Crypto", "Cryptodome"})


def _modes(ctx: FileContext, unit: ast.AST) -> list[tuple[ast.AST, str]]:
    """(node to report, description) of each unauthenticated mode chosen in `unit`."""
    found: list[tuple[ast.AST, str]] = []
    for node in _own_nodes(unit):
        if not isinstance(node, ast.Call):
            continue
        name = ctx.call_name(node)
        mode = cryptography_mode(name)
        if mode in _UNAUTHENTICATED_MODES:
            if not _weak_algorithm_for_mode(ctx, node):
                found.append((node.func, f"modes.{mode}"))
            continue
        if cryptography_algorithm(name) == "ChaCha20":
            found.append((node.func, "ChaCha20 without Poly1305"))
            continue
        module = pycryptodome_cipher(name)
        if module in _STREAM_CIPHERS:
            found.append((node.func, f"{module} without Poly1305"))
        elif module == "AES":
            mode_arg = arg(node, 1, "mode")
            resolved = follow_names(ctx, mode_arg) if mode_arg is not None else None
            tail = (ctx.qualname(resolved) or "").rsplit(".", 1)[-1] if resolved is not None else ""
            if tail in _PYCRYPTODOME_MODES and mode_arg is not None:
                found.append((mode_arg, f"AES {tail[5:]} mode"))
    return found


def _weak_algorithm_for_mode(ctx: FileContext, mode_call: ast.Call) -> bool:
    """True when the mode's Cipher(...) uses a weak algorithm (AIS501 reports that)."""
    parent = ctx.parent(mode_call)
    if isinstance(parent, ast.keyword):
        parent = ctx.parent(parent)
    if not isinstance(parent, ast.Call):
        return False
    algorithm = follow_names(ctx, arg(parent, 0, "algorithm") or parent)
    return isinstance(algorithm, ast.Call) and weak_cipher_of(ctx, algorithm) is not None


def _encrypts(unit: ast.AST, ctx: FileContext) -> tuple[bool, bool]:
    """(encrypts at all, keeps the ciphertext) for the nodes of `unit`."""
    encrypts = kept = False
    for node in _own_nodes(unit):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            if attr in ("encryptor", "encrypt"):
                encrypts = True
            if attr in ("encrypt", "update", "finalize") and not isinstance(ctx.parent(node), ast.Expr):
                kept = True
    return encrypts, encrypts and kept


def _has_mac(ctx: FileContext, nodes: Iterator[ast.AST], words: frozenset[str]) -> bool:
    """True when `nodes` compute a MAC: a MAC module or class, or a name with one of `words`."""
    for node in nodes:
        if isinstance(node, ast.Name):
            if node.id in _MAC_NAMES or words.intersection(split_words(node.id)):
                return True
            if (ctx.qualname(node) or "").startswith(_MAC_QUALNAME_PREFIXES):
                return True
        elif isinstance(node, ast.Attribute):
            if node.attr in _MAC_NAMES or words.intersection(split_words(node.attr)):
                return True
        elif isinstance(node, _FUNCS) and words.intersection(split_words(node.name)):
            return True
    return False


def _encrypting_names(unit: ast.AST, ctx: FileContext) -> set[str]:
    """The names callers use for `unit`: the function's, or its class's encrypting methods'."""
    if isinstance(unit, _FUNCS):
        return {unit.name}
    return {m.name for m in getattr(unit, "body", ()) if isinstance(m, _FUNCS) and _encrypts(m, ctx)[0]}


def _caller_macs(ctx: FileContext, unit: ast.AST) -> bool:
    """True when another function of the module calls the encrypting code and computes a MAC
    (encrypt-then-MAC split over two functions)."""
    names = _encrypting_names(unit, ctx)
    if not names:
        return False
    for func in ctx.nodes:
        if not isinstance(func, _FUNCS) or func is unit or ctx.parent(func) is unit:
            continue
        calls = any(
            isinstance(n, ast.Call)
            and (getattr(n.func, "id", None) in names or getattr(n.func, "attr", None) in names)
            for n in _own_nodes(func)
        )
        if calls and _has_mac(ctx, _own_nodes(func), _LOCAL_MAC_WORDS):
            return True
    return False


def _unit_for(node: ast.FunctionDef | ast.AsyncFunctionDef, ctx: FileContext) -> ast.AST:
    """The function itself, or its class when the function builds a cipher another method uses."""
    encrypts, _kept = _encrypts(node, ctx)
    cls = ctx.parent(node)
    if not encrypts and isinstance(cls, ast.ClassDef):
        return cls
    return node


def _imports_ciphers(ctx: FileContext) -> bool:
    """The gate of `check_function`: every mode this rule knows is reached through an import
    of one of `_CIPHER_PACKAGES` (asked once per file, not once per def)."""
    return ctx.imports_any(_CIPHER_PACKAGES)


@on(ast.FunctionDef, ast.AsyncFunctionDef, when=_imports_ciphers)
def check_function(node: ast.FunctionDef | ast.AsyncFunctionDef, ctx: FileContext) -> Iterator[Hit]:
    modes = _modes(ctx, node)
    if not modes:
        return
    unit = _unit_for(node, ctx)
    encrypts, kept = _encrypts(unit, ctx)
    if not encrypts:
        return  # decryption only: reading legacy data is not this rule's finding
    if _has_mac(ctx, _own_nodes(unit), _LOCAL_MAC_WORDS):
        return
    if not kept or _caller_macs(ctx, unit):
        confidence = Confidence.LOW
    else:
        confidence = Confidence.MEDIUM
    if in_tests(ctx):
        confidence = Confidence.LOW
    for where, what in modes:
        yield hit(where, what, confidence=confidence)
