"""AIS501 weak-cipher: encryption with a broken or retired cipher (DES, 3DES, RC4, Blowfish ...).

## What it does
Flags a cipher object built with an algorithm that no longer protects data:

- pyca/cryptography ``algorithms.TripleDES``, ``ARC4``, ``Blowfish``, ``IDEA``, ``CAST5``,
  ``SEED`` and ``RC2``, from ``cryptography.hazmat.primitives.ciphers.algorithms`` or from
  the ``cryptography.hazmat.decrepit.ciphers.algorithms`` module they moved to;
- PyCryptodome and PyCrypto (``Crypto.Cipher`` / ``Cryptodome.Cipher``) ``DES.new``,
  ``DES3.new``, ``ARC4.new``, ``Blowfish.new``, ``CAST.new``, ``ARC2.new`` and PyCrypto's
  ``XOR.new``;
- pyDes ``des(...)`` and ``triple_des(...)``;
- a TLS cipher string given to ``set_ciphers`` (``ssl.SSLContext``, pyOpenSSL ``Context``)
  that enables RC4, DES, 3DES, IDEA, SEED, RC2, NULL (no encryption) or EXPORT suites,
  unless the string excludes them (``!RC4``, ``-3DES``).

The finding points at the cipher's name in the call (or at the cipher string).

## Why is this bad?
DES's 56-bit key falls to brute force in a day. 3DES, Blowfish, IDEA, CAST5 and RC2 have
64-bit blocks: after a few dozen gigabytes under one key, block collisions leak plaintext
(Sweet32), and NIST disallows 3DES for encryption after 2023 (SP 800-131A Rev. 2). RC4's
keystream is biased enough to recover plaintext, and RFC 7465 bans it from TLS. SEED and
these others were moved to pyca/cryptography's ``decrepit`` module for that reason.
Assistants reach for them when porting old code or matching a legacy example.

## Example
```python
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt(key, iv, block):
    encryptor = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(block) + encryptor.finalize()
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
Code that only decrypts legacy data (an old 3DES export, a database column written years
ago) is reported too: migrate the data, or suppress the line with the reason. Cipher
objects built by name (``getattr(algorithms, name)``) and TLS cipher strings assembled at
run time are not judged. In test code (a file under ``aisec-test-paths`` that imports
pytest or unittest or defines ``test_*`` functions) findings are low confidence: test suites
exercise legacy ciphers on purpose.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [CWE-326: Inadequate Encryption Strength](https://cwe.mitre.org/data/definitions/326.html)
- [OWASP Cryptographic Storage Cheat Sheet: Algorithms](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#algorithms)
- [NIST SP 800-131A Rev. 2: Transitioning the Use of Cryptographic Algorithms and Key Lengths](https://csrc.nist.gov/pubs/sp/800/131/a/r2/final)
- [pyca/cryptography: Decrepit symmetric algorithms](https://cryptography.io/en/latest/hazmat/decrepit/ciphers/)
- [Sweet32: Birthday attacks on 64-bit block ciphers](https://sweet32.info/)
- [RFC 7465: Prohibiting RC4 Cipher Suites](https://www.rfc-editor.org/rfc/rfc7465)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import WEAK_CIPHERS, arg, confidence_here, weak_cipher_of
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# --- TLS cipher strings ---------------------------------------------------------------------
# OpenSSL cipher-list syntax (https://docs.openssl.org/master/man1/openssl-ciphers/): items
# separated by ':' (also ',' or ' '); '!' and '-' remove suites; '+' and '@' are operators.
_TLS_SEPARATORS = lazy_compile(r"[:, ]")
_TLS_PARTS = lazy_compile(r"[-+]")
_TLS_WEAK_PARTS = {
    "RC4": "RC4", "DES": "DES", "3DES": "3DES", "CBC3": "3DES", "DES40": "DES", "IDEA": "IDEA",
    "SEED": "SEED", "RC2": "RC2", "NULL": "NULL (no encryption)", "ENULL": "NULL (no encryption)",
    "EXPORT": "EXPORT", "EXP": "EXPORT", "EXPORT40": "EXPORT", "EXPORT56": "EXPORT",
}


def _weak_tls_item(cipher_list: str) -> tuple[str, str] | None:
    for item in _TLS_SEPARATORS.split(cipher_list[:2000]):
        if not item or item[0] in "!-@":
            continue
        parts = [p for p in _TLS_PARTS.split(item.upper()) if p in _TLS_WEAK_PARTS]
        if parts:
            # DES-CBC3-SHA is 3DES, not single DES: the more specific part wins.
            best = next((p for p in parts if _TLS_WEAK_PARTS[p] == "3DES"), parts[0])
            return item, _TLS_WEAK_PARTS[best]
    return None


_CALLEES = frozenset({"new", "des", "triple_des", "set_ciphers"}) | frozenset(WEAK_CIPHERS)


@on(ast.Call, callees=_CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "set_ciphers":
        value = arg(node, 0, "cipherlist", "ciphers")
        text = ctx.const_str(value)
        found = _weak_tls_item(text) if text is not None and value is not None else None
        if found:
            item, what = found
            yield hit(value, f"TLS cipher suite '{item[:60]}'", what,
                      confidence=confidence_here(ctx, Confidence.HIGH))
        return
    weak = weak_cipher_of(ctx, node)
    if weak is None:
        return
    shown, reason = weak
    yield hit(func, shown, reason, confidence=confidence_here(ctx, Confidence.HIGH))
