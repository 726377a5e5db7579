"""AIS502 ecb-mode: a block cipher used in ECB mode, which shows repeated plaintext blocks.

## What it does
Flags the Electronic Codebook mode wherever it is chosen:

- pyca/cryptography ``modes.ECB()`` (``Cipher(algorithms.AES(key), modes.ECB())``);
- PyCryptodome and PyCrypto ``MODE_ECB`` of any cipher module (``AES.new(key, AES.MODE_ECB)``,
  ``DES3.MODE_ECB``), also through a name or a default parameter value;
- a PyCrypto ``AES.new(key)`` (or ``DES``, ``DES3``, ``Blowfish``, ``CAST``, ``ARC2``) with no
  mode at all: PyCrypto's documented default mode is ECB (PyCryptodome raises a TypeError
  instead), medium confidence;
- pyDes ``ECB``.

Comparisons (``if mode == AES.MODE_ECB:``) and ``isinstance`` tests are not reported. The
finding points at the mode.

## Why is this bad?
ECB encrypts each block on its own, so equal plaintext blocks give equal ciphertext blocks:
the outline of an image, repeated fields of a record and equal messages all show through,
and blocks can be cut, reordered and replayed. ECB is the default in many older APIs and in
Java's ``"AES"`` transformation, which code assistants translate literally.

## Example
```python
from Crypto.Cipher import AES
from Crypto.Util.Padding import pad


def encrypt(key, data):
    return AES.new(key, AES.MODE_ECB).encrypt(pad(data, AES.block_size))
```

## Use instead
```python
from Crypto.Cipher import AES


def encrypt(key, data):
    cipher = AES.new(key, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ciphertext
```

## Known problems
ECB of a single block used as a building block (a hand-written CTR or CMAC, a
format-preserving scheme, key wrapping by a known construction) is reported too: suppress
it with the reason. Modes chosen at run time (``getattr(AES, "MODE_" + name)``) are not
judged. A bare ``modes.ECB`` class (a type hint, a registry of supported modes) is not a use;
only an instance is. In test code (a file under ``aisec-test-paths`` that imports pytest or
unittest or defines ``test_*`` functions) findings are low confidence: known-answer tests use
ECB vectors.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [OWASP Cryptographic Storage Cheat Sheet: Cipher Modes](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#cipher-modes)
- [pyca/cryptography: modes.ECB, "not secure and should not be used"](https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#insecure-modes)
- [PyCryptodome: Classic modes of operation, ECB "should not be used"](https://pycryptodome.readthedocs.io/en/latest/src/cipher/classic.html#ecb-mode)
- [PyCrypto API: Crypto.Cipher.AES.new, "Default is MODE_ECB"](https://pythonhosted.org/pycrypto/Crypto.Cipher.AES-module.html)
- [NIST SP 800-38A: Recommendation for Block Cipher Modes of Operation](https://csrc.nist.gov/pubs/sp/800/38/a/final)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import (
    PYCRYPTODOME_BLOCK_CIPHERS,
    confidence_here,
    pycryptodome_cipher,
)
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

_ECB_QUALNAME = lazy_compile(
    r"^(?:(?:Crypto|Cryptodome)\.Cipher\.\w{1,40}\.MODE_ECB"
    r"|cryptography\.hazmat\.primitives\.ciphers\.modes\.ECB"
    r"|pyDes\.ECB)$"
)


def is_ecb(ctx: FileContext, node: ast.AST) -> bool:
    """True when `node` names ECB mode in a crypto library (``AES.MODE_ECB``, ``modes.ECB``)."""
    return bool(_ECB_QUALNAME.match(ctx.qualname(node) or ""))


def _tested_only(ctx: FileContext, node: ast.AST) -> bool:
    """``mode == AES.MODE_ECB``, ``isinstance(mode, modes.ECB)`` or ``modes.ECB.name``."""
    parent = ctx.parent(node)
    if isinstance(parent, (ast.Compare, ast.Attribute)):
        return True
    if isinstance(parent, ast.Call) and node is not parent.func:
        return ctx.call_name(parent) in ("builtins.isinstance", "builtins.issubclass")
    return False


def _instantiated(ctx: FileContext, node: ast.AST) -> bool:
    parent = ctx.parent(node)
    return isinstance(parent, ast.Call) and parent.func is node


def _reference(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    if not isinstance(getattr(node, "ctx", None), ast.Load) or not is_ecb(ctx, node) or _tested_only(ctx, node):
        return
    # pyca/cryptography's modes.ECB is a class: only an instance selects the mode (a bare class
    # is a type hint, an isinstance test or a registry entry).
    if (ctx.qualname(node) or "").startswith("cryptography.") and not _instantiated(ctx, node):
        return
    shown = node.attr if isinstance(node, ast.Attribute) else node.id  # type: ignore[attr-defined]
    owner = node.value.id if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) else None
    text = f"{owner}.{shown}" if owner else shown
    yield hit(node, f"ECB mode ({text})", confidence=confidence_here(ctx, Confidence.HIGH))


@on(ast.Attribute, names={"MODE_ECB", "ECB"})
def check_attribute(node: ast.Attribute, ctx: FileContext) -> Iterator[Hit]:
    if node.attr in ("MODE_ECB", "ECB"):
        yield from _reference(node, ctx)


@on(ast.Name, names={"MODE_ECB", "ECB"})
def check_name(node: ast.Name, ctx: FileContext) -> Iterator[Hit]:
    if node.id in ("MODE_ECB", "ECB"):
        yield from _reference(node, ctx)


@on(ast.Call, callees=frozenset({"new"}))
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """PyCrypto ``AES.new(key)``: no mode means ECB (PyCrypto 2.x documented default)."""
    module = pycryptodome_cipher(ctx.call_name(node))
    if module not in PYCRYPTODOME_BLOCK_CIPHERS:
        return
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return
    if len(node.args) >= 2 or any(k.arg == "mode" for k in node.keywords):
        return
    yield hit(node, f"{module}.new() without a mode (PyCrypto's default is ECB)",
              confidence=confidence_here(ctx, Confidence.MEDIUM))
