"""AIS505 weak-crypto-key: an RSA, DSA or DH key below 2048 bits, or an elliptic curve below 224 bits.

## What it does
Flags asymmetric keys generated too small to resist factoring or discrete-log attacks:

- pyca/cryptography ``rsa.generate_private_key(public_exponent, key_size)``,
  ``dsa.generate_private_key(key_size)``, ``dsa.generate_parameters(key_size)`` and
  ``dh.generate_parameters(generator, key_size)`` below 2048 bits, positional or keyword;
- PyCryptodome and PyCrypto ``RSA.generate(bits)``, ``DSA.generate(bits)`` and
  ``ElGamal.generate(bits, ...)`` below 2048 bits, ``ECC.generate(curve="P-192")``;
- pyOpenSSL ``PKey().generate_key(crypto.TYPE_RSA, 1024)`` (and ``TYPE_DSA``), python-rsa
  ``rsa.newkeys(1024)``, paramiko ``RSAKey.generate(1024)`` and ``DSSKey.generate()`` (SSH DSA
  keys are fixed at 1024 bits);
- the elliptic curves below 224 bits, wherever they are built: ``ec.SECP192R1()``,
  ``ec.SECT163K1()``, ``ec.SECT163R2()`` (``ec.generate_private_key(ec.SECT163K1())``,
  ``curve=...``, ``derive_private_key``);
- an RSA public exponent below 65537 (``public_exponent=3``), at medium confidence.

Key sizes are read when they are written as numbers in the file (literals, names bound to
them, arithmetic such as ``512 * 2``). The finding points at the size, the curve or the
exponent.

## Why is this bad?
NIST SP 800-57 Part 1 Rev. 5 (Table 2) rates RSA, DSA and DH at 1024 bits and curves below
224 bits at 80 bits of security or less, and NIST SP 800-131A Rev. 2 disallows them for
signatures and key establishment. RSA-768 has been factored in public, and 1024-bit
discrete logs of common groups are within a nation-state's budget (Logjam). A small RSA
exponent with a padding flaw lets signatures be forged (Bleichenbacher's e=3 attack).
Assistants copy ``key_size=1024`` from old examples and speed-minded tests.

## Example
```python
from cryptography.hazmat.primitives.asymmetric import rsa


def new_signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)
```

## Use instead
```python
from cryptography.hazmat.primitives.asymmetric import rsa


def new_signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)
```

## Known problems
Sizes computed at run time or read from configuration are not judged. Keys loaded from files
or received from peers are not checked. Binary curves of 233 bits and more (``SECT233K1``
...) are not reported, although NIST SP 800-186 deprecates binary curves; 2048-bit RSA is
accepted, although NIST plans to disallow 112-bit security after 2030. In test code
(a file under ``aisec-test-paths`` that imports pytest or unittest or defines ``test_*``
functions) findings are low confidence: tests generate small keys for speed.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-326: Inadequate Encryption Strength](https://cwe.mitre.org/data/definitions/326.html)
- [NIST SP 800-57 Part 1 Rev. 5, Table 2: comparable security strengths](https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final)
- [NIST SP 800-131A Rev. 2: Transitioning the Use of Cryptographic Algorithms and Key Lengths](https://csrc.nist.gov/pubs/sp/800/131/a/r2/final)
- [NIST SP 800-186: Recommendations for Discrete Logarithm-based Cryptography: Elliptic Curve Domain Parameters](https://csrc.nist.gov/pubs/sp/800/186/final)
- [pyca/cryptography: RSA, generate_private_key ("at least 2048", public_exponent 65537)](https://cryptography.io/en/latest/hazmat/primitives/asymmetric/rsa/)
- [OWASP Cryptographic Storage Cheat Sheet: Algorithms](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#algorithms)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import arg, confidence_here
from ..analysis.numbers import int_value
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# NIST SP 800-57 Part 1 Rev. 5, Table 2: 112 bits of security needs RSA/DSA/DH of 2048 bits
# (k >= 2048, L >= 2048) and elliptic curves of 224 bits (f = 224-255).
MIN_MODULUS_BITS = 2048
MIN_CURVE_BITS = 224
# pyca/cryptography: "public_exponent ... Almost everyone should use 65537."
MIN_RSA_EXPONENT = 65537

_CRYPTOGRAPHY_ASYM = "cryptography.hazmat.primitives.asymmetric."
# qualified name -> (algorithm, index, keyword) of the size argument.
_SIZE_ARGS: dict[str, tuple[str, int | None, str]] = {
    _CRYPTOGRAPHY_ASYM + "rsa.generate_private_key": ("RSA key", 1, "key_size"),
    _CRYPTOGRAPHY_ASYM + "dsa.generate_private_key": ("DSA key", 0, "key_size"),
    _CRYPTOGRAPHY_ASYM + "dsa.generate_parameters": ("DSA key", 0, "key_size"),
    _CRYPTOGRAPHY_ASYM + "dh.generate_parameters": ("DH group", 1, "key_size"),
    "rsa.newkeys": ("RSA key", 0, "nbits"),
    "paramiko.RSAKey.generate": ("RSA key", 0, "bits"),
    "paramiko.rsakey.RSAKey.generate": ("RSA key", 0, "bits"),
}
for _root in ("Crypto", "Cryptodome"):
    _SIZE_ARGS[f"{_root}.PublicKey.RSA.generate"] = ("RSA key", 0, "bits")
    _SIZE_ARGS[f"{_root}.PublicKey.DSA.generate"] = ("DSA key", 0, "bits")
    _SIZE_ARGS[f"{_root}.PublicKey.ElGamal.generate"] = ("ElGamal key", 0, "bits")
_PYCRYPTODOME_ECC = lazy_compile(r"^(?:Crypto|Cryptodome)\.PublicKey\.ECC\.generate$")
_DSS_GENERATE = frozenset({"paramiko.DSSKey.generate", "paramiko.dsskey.DSSKey.generate"})

# pyca/cryptography curve classes below 224 bits (the others it offers are 224 bits or more).
WEAK_CURVES = {"SECP192R1": 192, "SECT163K1": 163, "SECT163R2": 163}
_WEAK_CURVE_QUALNAME = lazy_compile(r"^cryptography\.hazmat\.primitives\.asymmetric\.ec\.(SECP192R1|SECT163K1|SECT163R2)$")
# PyCryptodome ECC curve names below 224 bits (P-192 and its aliases).
_PYCRYPTODOME_WEAK_CURVES = frozenset({"p192", "p-192", "nist p-192", "secp192r1", "prime192v1"})
_OPENSSL_KEY_TYPES = {"OpenSSL.crypto.TYPE_RSA": "RSA key", "OpenSSL.crypto.TYPE_DSA": "DSA key"}

_MODULUS_FIX = "use 3072 bits (2048 at the very least)"
_CURVE_FIX = "use SECP256R1, SECP384R1 or Ed25519"


def _size_hit(ctx: FileContext, value: ast.AST | None, noun: str) -> Iterator[Hit]:
    bits = int_value(ctx, value)
    if value is None or bits is None or bits <= 0 or bits >= MIN_MODULUS_BITS:
        return
    yield hit(value, noun, f"{bits} bits", _MODULUS_FIX, confidence=confidence_here(ctx, Confidence.HIGH))


def _check_sizes(node: ast.Call, ctx: FileContext, name: str) -> Iterator[Hit]:
    noun, index, keyword = _SIZE_ARGS[name]
    yield from _size_hit(ctx, arg(node, index, keyword), noun)
    if name.endswith("rsa.generate_private_key") or name.endswith("RSA.generate"):
        exponent = arg(node, 0, "public_exponent") if name.endswith("generate_private_key") else arg(node, 2, "e")
        e = int_value(ctx, exponent)
        if exponent is not None and e is not None and 0 < e < MIN_RSA_EXPONENT:
            yield hit(exponent, "RSA public exponent", f"{e}", "use 65537", confidence=confidence_here(ctx, Confidence.MEDIUM))


_CALLEES = frozenset({"generate_private_key", "generate_parameters", "generate", "newkeys", "generate_key"}) | frozenset(WEAK_CURVES)


@on(ast.Call, callees=_CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    if name in _SIZE_ARGS:
        yield from _check_sizes(node, ctx, name)
        return
    m = _WEAK_CURVE_QUALNAME.match(name)
    if m:
        curve = m.group(1)
        yield hit(node, "elliptic curve", f"{curve}, {WEAK_CURVES[curve]} bits", _CURVE_FIX,
                  confidence=confidence_here(ctx, Confidence.HIGH))
        return
    if _PYCRYPTODOME_ECC.match(name):
        value = arg(node, None, "curve")
        text = ctx.const_str(value)
        if value is not None and text is not None and text.strip().lower() in _PYCRYPTODOME_WEAK_CURVES:
            yield hit(value, "elliptic curve", f"{text}, 192 bits", _CURVE_FIX, confidence=confidence_here(ctx, Confidence.HIGH))
        return
    if name in _DSS_GENERATE:
        yield hit(node, "DSA key", "SSH DSA keys are 1024 bits", "generate an Ed25519 or RSA-3072 key instead",
                  confidence=confidence_here(ctx, Confidence.HIGH))
        return
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "generate_key":
        # pyOpenSSL: PKey().generate_key(crypto.TYPE_RSA, 1024)
        noun = _OPENSSL_KEY_TYPES.get(ctx.qualname(arg(node, 0, "type")) or "")
        if noun:
            yield from _size_hit(ctx, arg(node, 1, "bits"), noun)
