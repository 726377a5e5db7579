"""AIS503 static-iv: a constant IV or nonce, or the key reused as the IV.

## What it does
Flags an initialization vector or nonce that is the same for every message:

- pyca/cryptography ``modes.CBC``, ``CTR``, ``OFB``, ``CFB``, ``CFB8`` and ``GCM`` given a
  constant (``modes.CBC(b"\\x00" * 16)``, ``modes.CTR(NONCE)``), and
  ``algorithms.ChaCha20(key, nonce)``;
- the ``nonce`` of an AEAD's ``encrypt``: ``AESGCM(key).encrypt(b"\\x00" * 12, data, None)``,
  ``ChaCha20Poly1305``, ``AESCCM``, ``AESOCB3`` (``AESGCMSIV``, built to survive a repeated
  nonce, only at low confidence);
- PyCryptodome and PyCrypto ``new(key, mode, iv)`` and the ``iv=`` / ``IV=`` / ``nonce=``
  keywords of every ``Crypto.Cipher`` module (SIV mode, deterministic by design, excepted),
  and a CTR ``counter=Counter.new(...)`` built only from constants, which restarts at the same
  block for every message (medium confidence);
- the key itself, or a slice of it, passed as the IV (``AES.new(key, AES.MODE_CBC, key[:16])``).

Constants are judged as AIS504 judges keys: literals, names and ``self`` attributes bound only
to literals, ``bytes(16)``, ``bytes.fromhex("...")`` and the like. The finding points at the IV
or nonce argument. When the key of the same call is generated fresh in the same function
(``os.urandom``, ``secrets.token_bytes``, ``get_random_bytes``, ``generate_key()``), a fixed
nonce is safe (each key encrypts one message) and the finding is low confidence.

## Why is this bad?
With CTR, GCM, ChaCha20 and OFB, a repeated nonce under one key repeats the keystream: XOR two
ciphertexts and the key cancels out, and with GCM the authentication key leaks too, so
messages can be forged. With CBC, a fixed IV makes equal message prefixes encrypt equally and
enables chosen-plaintext attacks (BEAST); using the key as the IV lets anyone who can get a
block decrypted recover the key. Assistants copy ``iv = b"0000000000000000"`` from tutorials
and "fix" a decryption error by pinning the nonce.

## Example
```python
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE = b"\\x00" * 12


def seal(key, data):
    return AESGCM(key).encrypt(NONCE, data, None)
```

## Use instead
```python
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def seal(key, data):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)
```

## Known problems
A nonce from a counter or a timestamp is not judged (it is unique if it never repeats under
one key). Decryption with a constant IV is reported like encryption: it means the other side
encrypts with it. ``modes.XTS`` tweaks are deterministic by design and not reported. A key
rotated per message in another function is not seen, so a fixed nonce with it is reported.
In test code (a file under ``aisec-test-paths`` that imports pytest or unittest or defines
``test_*`` functions) findings are low confidence: known-answer tests use fixed IVs on purpose.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-329: Generation of Predictable IV with CBC Mode](https://cwe.mitre.org/data/definitions/329.html)
- [CWE-1204: Generation of Weak Initialization Vector (IV)](https://cwe.mitre.org/data/definitions/1204.html)
- [CWE-323: Reusing a Nonce, Key Pair in Encryption](https://cwe.mitre.org/data/definitions/323.html)
- [pyca/cryptography: Authenticated encryption, "a nonce must never be reused with a key"](https://cryptography.io/en/latest/hazmat/primitives/aead/)
- [PyCryptodome: Classic modes of operation (iv, nonce)](https://pycryptodome.readthedocs.io/en/latest/src/cipher/classic.html)
- [NIST SP 800-38A, Appendix C: Generation of initialization vectors](https://csrc.nist.gov/pubs/sp/800/38/a/final)
- [NIST SP 800-38D, section 8: Uniqueness requirement on IVs and keys (GCM)](https://csrc.nist.gov/pubs/sp/800/38/d/final)
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
    cryptography_mode,
    pycryptodome_cipher,
)
from ..analysis.fixed_values import fixed_value, follow_names
from ..checks import Confidence, FileContext, Hit, hit, on

# pyca/cryptography modes that take an IV or nonce as their first argument, and its keyword.
_MODES = {"CBC": "initialization_vector", "OFB": "initialization_vector", "CFB": "initialization_vector",
          "CFB8": "initialization_vector", "GCM": "initialization_vector", "CTR": "nonce"}
_MODE_NOUN = {"CTR": "nonce", "GCM": "nonce"}
# AEAD classes whose encrypt(nonce, data, associated_data) takes the nonce first. AESGCMSIV
# tolerates a repeated nonce (RFC 8452: it then only reveals equal messages): low confidence.
_AEADS = frozenset({"AESGCM", "ChaCha20Poly1305", "AESCCM", "AESOCB3", "AESGCMSIV"})
# Calls that make a fresh random key.
_RANDOM_KEY_CALLS = frozenset(
    {"os.urandom", "secrets.token_bytes", "Crypto.Random.get_random_bytes", "Cryptodome.Random.get_random_bytes", "nacl.utils.random"}
)
_COUNTER_NEW = frozenset({"Crypto.Util.Counter.new", "Cryptodome.Util.Counter.new"})


def _fresh_key(ctx: FileContext, key: ast.AST | None) -> bool:
    """True when `key` is a name bound, in this function, to a freshly generated random key."""
    if not isinstance(key, ast.Name) or ctx.enclosing_function(key) is None:
        return False
    value = ctx.reaching_value(key)
    if not isinstance(value, ast.Call) or ctx.enclosing_function(value) is not ctx.enclosing_function(key):
        return False
    if ctx.call_name(value) in _RANDOM_KEY_CALLS:
        return True
    return isinstance(value.func, ast.Attribute) and value.func.attr == "generate_key"


def _strip(expr: ast.AST | None) -> str | None:
    """A comparable form of a key or IV expression, without slices: ``key[:16]`` -> ``key``."""
    while isinstance(expr, ast.Subscript):
        expr = expr.value
    if isinstance(expr, (ast.Name, ast.Attribute)):
        return ast.dump(expr)
    return None


def _chain(ctx: FileContext, expr: ast.AST) -> set[str]:
    """Comparable forms of `expr` and of what it is bound to, hop by hop: ``iv = key[:16]``
    gives ``{iv, key}``."""
    out: set[str] = set()
    for _ in range(6):
        form = _strip(expr)
        if form is None:
            break
        out.add(form)
        while isinstance(expr, ast.Subscript):
            expr = expr.value
        if not isinstance(expr, ast.Name):
            break
        value = ctx.reaching_value(expr)
        if value is None:
            break
        expr = value
    return out


def _judge(ctx: FileContext, value: ast.AST | None, key: ast.AST | None, noun: str, what: str,
           confidence: Confidence = Confidence.HIGH) -> Iterator[Hit]:
    if value is None:
        return
    if key is not None and _chain(ctx, value) & _chain(ctx, key):
        yield hit(value, f"The {noun} of {what}", "the encryption key itself",
                  "generate a random one per message (os.urandom) and send it with the ciphertext",
                  confidence=confidence_here(ctx, Confidence.HIGH))
        return
    if fixed_value(ctx, value) is None:
        return
    if _fresh_key(ctx, key):
        confidence = Confidence.LOW
    yield hit(value, f"The {noun} of {what}", "a constant",
              "generate a random one per message (os.urandom) and send it with the ciphertext",
              confidence=confidence_here(ctx, confidence))


def _cipher_key_for_mode(ctx: FileContext, mode_call: ast.Call) -> ast.AST | None:
    """The key of ``Cipher(algorithms.AES(key), modes.CBC(iv))`` seen from the mode call."""
    parent = ctx.parent(mode_call)
    if isinstance(parent, ast.keyword):
        parent = ctx.parent(parent)
    if not isinstance(parent, ast.Call) or not (ctx.call_name(parent) or "").endswith("ciphers.Cipher"):
        return None
    algorithm = follow_names(ctx, arg(parent, 0, "algorithm") or parent)
    if isinstance(algorithm, ast.Call) and cryptography_algorithm(ctx.call_name(algorithm)):
        return arg(algorithm, 0, "key")
    return None


def _aead_receiver(ctx: FileContext, receiver: ast.AST) -> ast.Call | None:
    """The ``AESGCM(key)`` call an ``.encrypt`` receiver was built by, if known."""
    receiver = follow_names(ctx, receiver)
    if isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name) and receiver.value.id == "self":
        cls = ctx.enclosing_class(receiver)
        if cls is not None:
            for sub in ast.walk(cls):
                if isinstance(sub, ast.Assign) and len(sub.targets) == 1:
                    target = sub.targets[0]
                    if isinstance(target, ast.Attribute) and target.attr == receiver.attr and isinstance(sub.value, ast.Call):
                        return sub.value
    if isinstance(receiver, ast.Call):
        return receiver
    return None


def _pycryptodome_mode(ctx: FileContext, call: ast.Call) -> str | None:
    mode = arg(call, 1, "mode")
    if mode is None:
        return None
    mode = follow_names(ctx, mode)
    name = ctx.qualname(mode) or ""
    tail = name.rsplit(".", 1)[-1]
    return tail if tail.startswith("MODE_") else None


# PyCryptodome's Crypto/Cipher/__init__.py `_create_cipher`: a third positional argument is the
# nonce for CCM, EAX, SIV, GCM and OCB, the IV for CBC, CFB, OFB and OpenPGP, and refused for
# CTR (which takes nonce= / initial_value= / counter=) and ECB.
def _check_pycryptodome(node: ast.Call, ctx: FileContext, module: str) -> Iterator[Hit]:
    key = arg(node, 0, "key")
    what = f"{module}.new()"
    if module in ("ChaCha20", "ChaCha20_Poly1305", "XChaCha20_Poly1305"):
        yield from _judge(ctx, arg(node, None, "nonce"), key, "nonce", what)
        return
    if module == "Salsa20":
        yield from _judge(ctx, arg(node, 1, "nonce"), key, "nonce", what)
        return
    mode = _pycryptodome_mode(ctx, node)
    if mode in ("MODE_ECB", "MODE_SIV", "MODE_KW", "MODE_KWP"):
        return
    iv_kw = next((k.value for k in node.keywords if k.arg in ("iv", "IV")), None)
    nonce_kw = next((k.value for k in node.keywords if k.arg == "nonce"), None)
    positional = node.args[2] if len(node.args) > 2 and not any(isinstance(a, ast.Starred) for a in node.args[:3]) else None
    if positional is not None and mode != "MODE_CTR":
        noun = "nonce" if mode in ("MODE_GCM", "MODE_EAX", "MODE_CCM", "MODE_OCB") else "IV"
        yield from _judge(ctx, positional, key, noun, what)
    if iv_kw is not None:
        yield from _judge(ctx, iv_kw, key, "IV", what)
    if nonce_kw is not None:
        yield from _judge(ctx, nonce_kw, key, "nonce", what)
    counter = next((k.value for k in node.keywords if k.arg == "counter"), None)
    counter_call = follow_names(ctx, counter) if counter is not None else None
    if isinstance(counter_call, ast.Call) and ctx.call_name(counter_call) in _COUNTER_NEW:
        parts = [*counter_call.args, *(k.value for k in counter_call.keywords)]
        if all(fixed_value(ctx, p) is not None for p in parts) and not _fresh_key(ctx, key):
            yield hit(counter, f"The counter of {what}", "a constant start block (Counter.new with fixed arguments)",
                      "pass a random nonce (nonce=get_random_bytes(8)) and send it with the ciphertext",
                      confidence=confidence_here(ctx, Confidence.MEDIUM))


_CALLEES = frozenset({"new", "encrypt", "ChaCha20"}) | frozenset(_MODES)


@on(ast.Call, callees=_CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node)
    mode = cryptography_mode(name)
    if mode in _MODES:
        value = arg(node, 0, _MODES[mode])
        yield from _judge(ctx, value, _cipher_key_for_mode(ctx, node), _MODE_NOUN.get(mode, "IV"), f"modes.{mode}()")
        return
    if cryptography_algorithm(name) == "ChaCha20":
        yield from _judge(ctx, arg(node, 1, "nonce"), arg(node, 0, "key"), "nonce", "algorithms.ChaCha20()")
        return
    module = pycryptodome_cipher(name)
    if module in PYCRYPTODOME_SYMMETRIC or module == "XChaCha20_Poly1305":
        yield from _check_pycryptodome(node, ctx, module)  # type: ignore[arg-type]
        return
    func = node.func
    if name is None and isinstance(func, ast.Attribute) and func.attr == "encrypt":
        built = _aead_receiver(ctx, func.value)
        aead = cryptography_aead(ctx.call_name(built)) if built is not None else None
        if aead in _AEADS and built is not None:
            confidence = Confidence.LOW if aead == "AESGCMSIV" else Confidence.HIGH
            yield from _judge(ctx, arg(node, 0, "nonce"), arg(built, 0, "key"), "nonce", f"{aead}.encrypt()", confidence)
