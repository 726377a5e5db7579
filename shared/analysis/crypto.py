"""Cryptography API knowledge shared by the AIS5xx rules: which calls build ciphers,
modes and AEADs in `cryptography` (hazmat), PyCryptodome / PyCrypto and pyDes, which algorithms
are weak, how to read a call's arguments whatever their spelling, and how confident a finding
is in test code. Sources: the cryptography and PyCryptodome API references cited per table.
"""

from __future__ import annotations

import ast

from ..findings import Confidence
from .context import FileContext
from .patterns import lazy_compile

__all__ = ['CSPRNG_BYTES', 'PYCRYPTODOME_BLOCK_CIPHERS', 'PYCRYPTODOME_SYMMETRIC', 'WEAK_CIPHERS', 'arg', 'confidence_here', 'cryptography_aead', 'cryptography_algorithm', 'cryptography_mode', 'display', 'in_tests', 'pycryptodome_cipher', 'weak_cipher_of']

# --- shared knowledge of the Python crypto APIs (used by the other AIS5xx rules) -----------
# The standard library's CSPRNG calls that return `nbytes` random bytes (raw, hex or
# URL-safe base64): https://docs.python.org/3/library/secrets.html and os.urandom.
CSPRNG_BYTES = frozenset({"secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes", "os.urandom"})
_PYCRYPTODOME = lazy_compile(r"^(?:Crypto|Cryptodome)\.Cipher\.(\w{1,40})\.new$")


_CRYPTOGRAPHY_ALGORITHM = lazy_compile(r"^cryptography\.hazmat\.(?:primitives|decrepit)\.ciphers\.algorithms\.(\w{1,40})$")


_CRYPTOGRAPHY_MODE = lazy_compile(r"^cryptography\.hazmat\.primitives\.ciphers\.modes\.(\w{1,40})$")


_CRYPTOGRAPHY_AEAD = lazy_compile(r"^cryptography\.hazmat\.primitives\.ciphers\.aead\.(\w{1,40})$")


# PyCryptodome's block-cipher modules, whose new() takes (key, mode, ...).
PYCRYPTODOME_BLOCK_CIPHERS = frozenset({"AES", "DES", "DES3", "Blowfish", "CAST", "ARC2"})


# PyCryptodome cipher modules whose new() takes a symmetric key first (not PKCS1_OAEP & co).
PYCRYPTODOME_SYMMETRIC = PYCRYPTODOME_BLOCK_CIPHERS | {"ARC4", "ChaCha20", "ChaCha20_Poly1305", "Salsa20", "XOR"}


# Why each cipher is weak. Sources: NIST SP 800-131A Rev. 2 (DES withdrawn; TDEA encryption
# disallowed after 2023), Sweet32 (https://sweet32.info: 64-bit blocks), RFC 7465 (RC4), and
# pyca/cryptography's "decrepit" module, which holds ARC4, TripleDES, Blowfish, CAST5, IDEA,
# SEED and RC2 (https://cryptography.io/en/latest/hazmat/decrepit/ciphers/).
_SWEET32 = "64-bit block, open to Sweet32 collisions"


WEAK_CIPHERS: dict[str, tuple[str, str]] = {
    # name as the API spells it -> (display name, reason)
    "DES": ("DES", "56-bit key, brute-forced in a day"),
    "des": ("DES", "56-bit key, brute-forced in a day"),
    "TripleDES": ("3DES", _SWEET32 + "; NIST disallows it after 2023"),
    "DES3": ("3DES", _SWEET32 + "; NIST disallows it after 2023"),
    "triple_des": ("3DES", _SWEET32 + "; NIST disallows it after 2023"),
    "ARC4": ("RC4", "biased keystream; RFC 7465 bans it from TLS"),
    "Blowfish": ("Blowfish", _SWEET32),
    "IDEA": ("IDEA", _SWEET32),
    "CAST5": ("CAST5", _SWEET32),
    "CAST": ("CAST5", _SWEET32),
    "SEED": ("SEED", "legacy cipher, moved to cryptography's decrepit module"),
    "RC2": ("RC2", _SWEET32 + " and related-key attacks"),
    "ARC2": ("RC2", _SWEET32 + " and related-key attacks"),
    "XOR": ("XOR", "not a cipher: a repeating-key XOR is read without the key"),
}


_PYDES = frozenset({"pyDes.des", "pyDes.triple_des"})


def arg(call: ast.Call, index: int | None, *names: str) -> ast.AST | None:
    """The call's argument at `index` (positional) or under one of `names` (keyword)."""
    if index is not None and index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg in names), None)


def pycryptodome_cipher(qualname: str | None) -> str | None:
    """``"AES"`` for ``Crypto.Cipher.AES.new`` / ``Cryptodome.Cipher.AES.new``."""
    m = _PYCRYPTODOME.match(qualname or "")
    return m.group(1) if m else None


def cryptography_algorithm(qualname: str | None) -> str | None:
    """``"AES"`` for ``cryptography.hazmat.primitives.ciphers.algorithms.AES`` (or decrepit)."""
    m = _CRYPTOGRAPHY_ALGORITHM.match(qualname or "")
    return m.group(1) if m else None


def cryptography_mode(qualname: str | None) -> str | None:
    """``"CBC"`` for ``cryptography.hazmat.primitives.ciphers.modes.CBC``."""
    m = _CRYPTOGRAPHY_MODE.match(qualname or "")
    return m.group(1) if m else None


def cryptography_aead(qualname: str | None) -> str | None:
    """``"AESGCM"`` for ``cryptography.hazmat.primitives.ciphers.aead.AESGCM``."""
    m = _CRYPTOGRAPHY_AEAD.match(qualname or "")
    return m.group(1) if m else None


def weak_cipher_of(ctx: FileContext, call: ast.Call) -> tuple[str, str] | None:
    """(display name, reason) when `call` builds a cipher with a weak algorithm."""
    name = ctx.call_name(call)
    if not name:
        return None
    tail = cryptography_algorithm(name) or pycryptodome_cipher(name)
    if tail is None and name in _PYDES:
        tail = name.rsplit(".", 1)[1]
    return WEAK_CIPHERS.get(tail) if tail else None


_TEST_FRAMEWORKS = ("pytest", "unittest", "hypothesis", "nose", "nose2")


def in_tests(ctx: FileContext) -> bool:
    """True for test code: a file under ``aisec-test-paths`` that imports a test framework or
    defines a ``test_*`` function or ``Test*`` class. Sample code kept under ``tests/`` (lint
    fixtures, example data) is judged like any other code."""
    known = ctx.__dict__.get("_aisec_crypto_in_tests")
    if known is None:
        known = ctx.settings.is_test_path(ctx.filename) and (
            ctx.imports_any(_TEST_FRAMEWORKS)
            or any(
                (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test"))
                or (isinstance(n, ast.ClassDef) and n.name.startswith("Test"))
                for n in ctx.nodes
            )
        )
        ctx.__dict__["_aisec_crypto_in_tests"] = known
    return known


def confidence_here(ctx: FileContext, confidence: Confidence) -> Confidence:
    """Test suites use legacy algorithms, fixed keys and known-answer vectors on purpose."""
    return Confidence.LOW if in_tests(ctx) else confidence


def display(call: ast.Call) -> str:
    """How the call reads in the source, shortened: ``algorithms.AES()``, ``Fernet()``."""
    func = call.func
    if isinstance(func, ast.Attribute):
        base = func.value
        if isinstance(base, ast.Name):
            return f"{base.id}.{func.attr}()"
        if isinstance(base, ast.Attribute):
            return f"{base.attr}.{func.attr}()"
        return f"{func.attr}()"
    if isinstance(func, ast.Name):
        return f"{func.id}()"
    return "the call"


def input_name(ctx: FileContext | None, expr: ast.AST | None, *, follow: bool = False) -> str | None:
    """The name a key-derivation or hash input is known by, under up to four ``.encode()`` /
    ``.strip()`` calls: ``master_key.encode()`` gives ``master_key``, ``self.api_token``
    gives ``api_token``, ``cfg["secret_key"]`` gives ``secret_key``; None for anything else.
    With `follow`, a name bound to such a call is followed too (``secret =
    master_key.encode()``, then ``derive(secret)``)."""
    for _ in range(4):
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("encode", "strip"):
            expr = expr.func.value
        elif follow and ctx is not None and isinstance(expr, ast.Name) and isinstance(ctx.reaching_value(expr), ast.Call):
            expr = ctx.reaching_value(expr)
        else:
            break
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if isinstance(expr, ast.Subscript):
        key = expr.slice
        return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
    return None
