"""AIS507 weak-signature-hash: a digital signature or certificate made with MD5 or SHA-1.

## What it does
Flags a signature whose message digest is MD5, SHA-1 (or MD2 / MD4):

- pyca/cryptography ``private_key.sign(data, padding.PKCS1v15(), hashes.SHA1())``, DSA
  ``sign(data, hashes.SHA1())``, ECDSA ``sign(data, ec.ECDSA(hashes.SHA1()))``,
  ``utils.Prehashed(hashes.MD5())``, and the X.509 builders
  ``CertificateBuilder().sign(key, hashes.MD5())``,
  ``CertificateSigningRequestBuilder().sign(key, hashes.SHA1())``, CRL and OCSP response
  builders (positional or ``algorithm=``), also through a name bound to the hash;
- PyCryptodome and PyCrypto ``pkcs1_15.new(key).sign(MD5.new(data))``, ``pss``, ``DSS`` and
  ``PKCS1_v1_5`` signers given an ``MD5``, ``MD2``, ``MD4``, ``SHA1`` or ``SHA`` hash object;
- pyOpenSSL ``X509.sign(pkey, "sha1")``, ``X509Req.sign(pkey, "md5")`` and
  ``crypto.sign(pkey, data, "sha1")``;
- python-rsa ``rsa.sign(message, key, "SHA-1")`` and ``rsa.sign_hash(..., "MD5")``.

Only signing is reported. Verifying an old SHA-1 signature is "legacy use" that NIST still
allows, SHA-1 inside PSS's MGF1 or OAEP is not a signature digest, and HMAC-SHA1 stays
secure (HMAC does not rely on collision resistance): none of these is flagged, and neither is
``hashlib.md5(..., usedforsecurity=False)`` or any other hash that does not feed a signature.
Fast hashes of passwords are AIS202's. The finding points at the hash.

## Why is this bad?
Practical collisions exist for MD5 (a rogue CA certificate was forged in 2008, Flame used one
in 2012) and for SHA-1 (SHAttered 2017, a chosen-prefix collision in 2020): whoever gets one
message signed can present a different message with the same signature. NIST SP 800-131A
Rev. 2 disallows SHA-1 for signature generation, and browsers reject SHA-1 certificates.

## Example
```python
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def sign_invoice(private_key, invoice):
    return private_key.sign(invoice, padding.PKCS1v15(), hashes.SHA1())
```

## Use instead
```python
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def sign_invoice(private_key, invoice):
    return private_key.sign(invoice, padding.PKCS1v15(), hashes.SHA256())
```

## Known problems
A hash chosen at run time (``getattr(hashes, name)()``, a digest name from configuration) is
not judged. pyOpenSSL digest strings are only read in files that import ``OpenSSL``. A
protocol that still mandates SHA-1 (Amazon CloudFront signed URLs use RSA-SHA1) is reported
too: suppress it with the reason. In test code (a file under ``aisec-test-paths`` that imports
pytest or unittest or defines ``test_*`` functions) findings are low confidence: tests sign
with SHA-1 to exercise legacy verification.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-328: Use of Weak Hash](https://cwe.mitre.org/data/definitions/328.html)
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [NIST SP 800-131A Rev. 2, section 9: SHA-1 disallowed for digital signature generation](https://csrc.nist.gov/pubs/sp/800/131/a/r2/final)
- [pyca/cryptography: X.509 CertificateBuilder.sign](https://cryptography.io/en/latest/x509/reference/#cryptography.x509.CertificateBuilder.sign)
- [SHAttered: the first SHA-1 collision](https://shattered.io/)
- [OWASP Cryptographic Storage Cheat Sheet: Algorithms](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#algorithms)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import arg, confidence_here
from ..analysis.fixed_values import follow_names
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

_WEAK_CRYPTOGRAPHY_HASH = lazy_compile(r"^cryptography\.hazmat\.primitives\.hashes\.(MD5|SHA1)$")
_WRAPPERS = lazy_compile(r"^cryptography\.hazmat\.primitives\.asymmetric\.(?:ec\.ECDSA|utils\.Prehashed)$")
_WEAK_PYCRYPTODOME_HASH = lazy_compile(r"^(?:Crypto|Cryptodome)\.Hash\.(MD5|MD4|MD2|SHA1|SHA)\.new$")
_SHOWN = {"MD5": "MD5", "MD4": "MD4", "MD2": "MD2", "SHA1": "SHA-1", "SHA": "SHA-1"}
# pyOpenSSL digest names (OpenSSL's EVP digest names) and python-rsa hash method names.
_WEAK_DIGEST_NAMES = {"md5": "MD5", "md4": "MD4", "md2": "MD2", "sha1": "SHA-1", "sha": "SHA-1", "sha-1": "SHA-1"}
_PYTHON_RSA = frozenset({"rsa.sign", "rsa.sign_hash", "rsa.pkcs1.sign", "rsa.pkcs1.sign_hash"})
# Arguments of sign() that are never the signature digest.
_NOT_DIGEST = frozenset({"padding", "mgf", "data", "message"})


def _weak_hash(ctx: FileContext, expr: ast.AST | None, depth: int = 0) -> tuple[str, ast.AST] | None:
    """("SHA-1", node to report) when `expr` is (or is bound to) a weak hash object, or an
    ``ECDSA(...)`` / ``Prehashed(...)`` of one (reported at the inner hash)."""
    if expr is None or depth > 3:
        return None
    value = follow_names(ctx, expr)
    if not isinstance(value, ast.Call):
        return None
    name = ctx.call_name(value) or ""
    m = _WEAK_CRYPTOGRAPHY_HASH.match(name) or _WEAK_PYCRYPTODOME_HASH.match(name)
    if m:
        return _SHOWN[m.group(1)], expr
    if _WRAPPERS.match(name):
        return _weak_hash(ctx, arg(value, 0, "algorithm"), depth + 1)
    return None


def _digest_name(ctx: FileContext, expr: ast.AST | None) -> str | None:
    text = ctx.const_str(expr)
    return _WEAK_DIGEST_NAMES.get(text.strip().lower()) if text is not None else None


def _sign_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    if name in _PYTHON_RSA:
        value = arg(node, 2, "hash_method")
        shown = _digest_name(ctx, value)
        if shown and value is not None:
            yield hit(value, name + "()", shown, confidence=confidence_here(ctx, Confidence.HIGH))
        return
    if name == "OpenSSL.crypto.sign":
        value = arg(node, 2, "digest")
        shown = _digest_name(ctx, value)
        if shown and value is not None:
            yield hit(value, "crypto.sign()", shown, confidence=confidence_here(ctx, Confidence.HIGH))
        return
    candidates = [a for a in node.args if not isinstance(a, ast.Starred)]
    candidates += [k.value for k in node.keywords if k.arg not in _NOT_DIGEST]
    for value in candidates:
        found = _weak_hash(ctx, value)
        if found:
            yield hit(found[1], "sign()", found[0], confidence=confidence_here(ctx, Confidence.HIGH))
            return
    if ctx.imports_any(("OpenSSL",)):
        # pyOpenSSL X509.sign(pkey, digest) / X509Req.sign / CRL.sign(issuer_cert, issuer_key, digest)
        value = arg(node, 1, "digest") if len(node.args) < 3 else arg(node, 2, "digest")
        shown = _digest_name(ctx, value)
        if shown and value is not None:
            yield hit(value, "sign()", shown, confidence=confidence_here(ctx, Confidence.HIGH))


@on(ast.Call, callees=frozenset({"sign", "sign_hash"}))
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    yield from _sign_call(node, ctx)
