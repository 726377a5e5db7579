"""AIS202 weak-password-hash: a password hashed with a fast hash or a too-cheap work factor.

## What it does
Flags password hashing that an attacker with the leaked hashes can brute-force cheaply:

- a fast, general-purpose hash of a password-like value: ``hashlib`` MD5, SHA-1, SHA-2,
  SHA-3 or BLAKE2 (``hashlib.sha512(password.encode())``, ``hashlib.new("sha512", ...)``,
  ``.update(password)`` on such a hash object), ``hmac.new(pepper, password, ...)``,
  Werkzeug ``generate_password_hash(pw, method="sha256")`` (a plain salted hash before
  Werkzeug 2.3), and passlib's plain or archaic schemes (``md5_crypt.hash(pw)``,
  ``hex_sha256``, ``ldap_md5``, ``des_crypt``, ``plaintext`` ...);
- PBKDF2 below the OWASP Password Storage Cheat Sheet's iteration counts (HMAC-SHA1:
  1,300,000; HMAC-SHA256: 600,000; HMAC-SHA512: 210,000): ``hashlib.pbkdf2_hmac``,
  cryptography ``PBKDF2HMAC``, PyCryptodome ``PBKDF2`` (its default is 1,000),
  passlib ``pbkdf2_sha256.using(rounds=...)`` and CryptContext ``pbkdf2_sha256__rounds``,
  Werkzeug ``method="pbkdf2:sha256:1000"`` and a Django ``PBKDF2PasswordHasher`` subclass
  with a lower ``iterations``;
- bcrypt with a cost below 10 (OWASP: "a work factor of 10 or more"): ``bcrypt.gensalt(8)``,
  passlib ``bcrypt.using(rounds=8)`` / ``bcrypt__rounds=8``, Flask-Bcrypt ``rounds=`` and
  ``BCRYPT_LOG_ROUNDS``, a Django ``BCryptSHA256PasswordHasher`` subclass with ``rounds``;
- scrypt whose cost ``N * r * p`` is below ``2**14 * 8 * 1``: ``hashlib.scrypt``,
  cryptography ``Scrypt``, PyCryptodome ``scrypt``, Werkzeug ``method="scrypt:N:r:p"``,
  passlib ``scrypt.using(rounds=...)`` (``N = 2**rounds``), a Django ``ScryptPasswordHasher``
  subclass;
- Argon2 with ``memory_cost * time_cost`` below 35,840 KiB (argon2-cffi ``PasswordHasher``,
  a Django ``Argon2PasswordHasher`` subclass);
- a Django ``PASSWORD_HASHERS`` setting whose first entry (the one new hashes use) is
  ``MD5PasswordHasher``, ``UnsaltedMD5PasswordHasher``, ``SHA1PasswordHasher``,
  ``UnsaltedSHA1PasswordHasher`` or ``CryptPasswordHasher``;
- a passlib ``CryptContext`` whose default scheme is weak, or that accepts a weak scheme
  without marking it ``deprecated``.

A value is password-like when a name in it has *password*, *passwd*, *passphrase* (or, with a
qualifier, *pw* / *pwd* / *pass*) as its head noun: ``password``, ``user.password``,
``form["password"]``, ``salt + raw_pw``; or a parameter of a function named for hashing
passwords (``def hash_password(plain)``, ``make_pw``).

## Why is this bad?
Fast hashes are built for speed: a single GPU tries billions of candidates per second, so
leaked password hashes fall to dictionary attacks within hours, salted or not. A slow
key-derivation function only helps with a work factor high enough that each guess costs the
attacker real time and memory; the OWASP figures are set so that a current GPU manages only a
few thousand guesses per second.

## Example
```python
import hashlib

import bcrypt


def store(user, password):
    user.pw_hash = hashlib.sha512(password.encode()).hexdigest()


def store_bcrypt(user, password):
    user.pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=8))


def store_pbkdf2(user, password, salt):
    user.pw_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100_000)
```

## Use instead
```python
import hashlib

import bcrypt


def store_bcrypt(user, password):
    user.pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


def store_pbkdf2(user, password, salt):
    user.pw_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
```

## Known problems
Hashes of values that are not passwords (file contents, cache keys, e-mail addresses for
avatars, random API keys) are not flagged, and neither is any call with
``usedforsecurity=False``, which declares a non-security use (for example a SHA-1 prefix for
a breach-corpus range query). A password held under a name that does not say so is missed.

PBKDF2 or scrypt over a value named as a random key or token (``SECRET_KEY``, ``api_token``,
``api_key_string``) is key derivation or a lookup index over a high-entropy input and is not
reported. An HMAC of a password keyed by random bytes drawn in the same file
(``secrets.token_bytes(32)`` at import) is an in-memory cache key that dies with the process:
low confidence. Work factors are checked only when
they are written as numbers in the file (literals, or
names and class attributes bound to them). Library defaults are trusted, except
PyCryptodome's PBKDF2 count of 1,000; passlib's PBKDF2 defaults (29,000 rounds for
``pbkdf2_sha256``) are below the OWASP figure but not reported. PBKDF2 findings are high
confidence below half the OWASP figure and medium between half and the figure (for example
the 310,000 of the cheat sheet's 2021 edition). The scrypt threshold is the scrypt paper's
interactive-login setting (N=2**14, r=8, p=1), eight times below OWASP's N=2**17; settings
between the two are not reported. Django ``PASSWORD_HASHERS`` and ``BCRYPT_LOG_ROUNDS`` are
not checked in development and test settings modules (``settings/dev.py``,
``test_settings.py``) or under an ``if`` that tests for a test, debug or development run,
where Django's own documentation recommends a fast hasher; work factors in test files
(``aisec-test-paths``) are low confidence, since tests choose them small for speed.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
- [CWE-328: Use of Weak Hash](https://cwe.mitre.org/data/definitions/328.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
- [Python docs: hashlib, usedforsecurity and pbkdf2_hmac](https://docs.python.org/3/library/hashlib.html#hashlib.new)
- [Django: How Django stores passwords](https://docs.djangoproject.com/en/stable/topics/auth/passwords/)
- [passlib: Password Hashing Schemes](https://passlib.readthedocs.io/en/stable/lib/passlib.hash.html)
- [Werkzeug: generate_password_hash](https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.security.generate_password_hash)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.context import literal_str
from ..analysis.crypto import CSPRNG_BYTES, input_name
from ..analysis.frameworks import settings_profile
from ..analysis.numbers import class_attr, int_value
from ..analysis.words import is_password_name, secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

FAST_HASHES = frozenset(
    {
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512_224", "sha512_256",
        "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s", "md4",
        "ripemd160", "sm3",
    }
)
_BUDGET = 200
# With a password word, these make a function name mean "hash a password" (hash_password,
# make_password, check_pw), unlike password_reset_link.
_HASHING_VERBS = frozenset(
    {"hash", "hashed", "encrypt", "encode", "digest", "store", "save", "set", "make", "create", "check", "verify", "crypt", "salt", "salted"}
)
_FAST_FIX = "use argon2, bcrypt, scrypt or pbkdf2_hmac"

# --- work factors ---------------------------------------------------------------------------
# OWASP Password Storage Cheat Sheet, "PBKDF2": "PBKDF2-HMAC-SHA1: 1,300,000 iterations;
# PBKDF2-HMAC-SHA256: 600,000 iterations; PBKDF2-HMAC-SHA512: 210,000 iterations"
# (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2).
# The cheat sheet gives no figure for other digests: SHA-224 and SHA3-224/256 take SHA-256's,
# SHA-384 and SHA3-384/512 SHA-512's, and MD5 (faster than SHA-1) SHA-1's.
PBKDF2_MIN_ITERATIONS = {
    "sha1": 1_300_000,
    "md5": 1_300_000,
    "sha224": 600_000,
    "sha256": 600_000,
    "sha3_224": 600_000,
    "sha3_256": 600_000,
    "sha384": 210_000,
    "sha512": 210_000,
    "sha3_384": 210_000,
    "sha3_512": 210_000,
}
# For a digest the file does not name, only the lowest figure is certain.
_PBKDF2_FLOOR = 210_000
# OWASP, "bcrypt": "use a work factor of 10 or more".
BCRYPT_MIN_COST = 10
# scrypt: OWASP recommends N=2**17, r=8, p=1 (equivalents down to N=2**13, r=8, p=10). Only
# settings whose cost N*r*p is below the scrypt paper's interactive-login parameters
# (Percival 2009, N=2**14, r=8, p=1) are reported: those are clearly weak.
SCRYPT_MIN_COST = 2**14 * 8 * 1
# Argon2: OWASP lists equally strong settings from m=47104 KiB, t=1 to m=7168 KiB, t=5; the
# cheapest product m*t among them is 7168 * 5 = 35,840 KiB.
ARGON2_MIN_MEMORY_TIME = 7168 * 5
# Library defaults where they are used when the parameter is omitted: Django's hashers
# (django/contrib/auth/hashers.py: ScryptPasswordHasher work_factor 2**14, block_size 8,
# parallelism 1; Argon2PasswordHasher time_cost 2, memory_cost 102400), argon2-cffi
# PasswordHasher (time_cost 3, memory_cost 65536), PyCryptodome PBKDF2 (count 1000, HMAC-SHA1:
# https://pycryptodome.readthedocs.io/en/latest/src/protocol/kdf.html).
_DJANGO_SCRYPT = {"work_factor": 2**14, "block_size": 8, "parallelism": 1}
_DJANGO_ARGON2 = {"time_cost": 2, "memory_cost": 102400}
_ARGON2_CFFI = {"time_cost": 3, "memory_cost": 65536}
_PYCRYPTODOME_PBKDF2_COUNT = 1000

# Django hashers (django.contrib.auth.hashers) that store new passwords with a fast hash; the
# docs call them "insecure" and keep them only for upgrading legacy hashes.
WEAK_DJANGO_HASHERS = frozenset(
    {"MD5PasswordHasher", "UnsaltedMD5PasswordHasher", "SHA1PasswordHasher", "UnsaltedSHA1PasswordHasher", "CryptPasswordHasher"}
)
# passlib schemes whose docs warn they are insecure ("Danger ... not considered secure"):
# plain and LDAP digests, archaic Unix crypt, MD5-crypt, database and Windows hashes, plaintext.
WEAK_PASSLIB_SCHEMES = frozenset(
    {
        "plaintext", "ldap_plaintext", "roundup_plaintext", "unix_disabled",
        "hex_md4", "hex_md5", "hex_sha1", "hex_sha256", "hex_sha512",
        "ldap_md5", "ldap_sha1", "ldap_salted_md5", "ldap_salted_sha1", "ldap_hex_md5",
        "ldap_hex_sha1", "ldap_des_crypt", "ldap_bsdi_crypt", "ldap_md5_crypt",
        "des_crypt", "bsdi_crypt", "bigcrypt", "crypt16", "md5_crypt", "apr_md5_crypt",
        "sun_md5_crypt", "mysql323", "mysql41", "postgres_md5", "oracle10", "oracle11",
        "lmhash", "nthash", "msdcc", "msdcc2", "htdigest", "cisco_pix", "cisco_asa",
        "cisco_type7", "django_salted_md5", "django_salted_sha1", "django_des_crypt",
    }
)
_PASSLIB_PBKDF2 = {"pbkdf2_sha1": "sha1", "pbkdf2_sha256": "sha256", "pbkdf2_sha512": "sha512"}
_PASSLIB_BCRYPT = frozenset({"bcrypt", "bcrypt_sha256"})
# Werkzeug method strings: "pbkdf2:sha256:600000", "scrypt:32768:8:1"; before Werkzeug 2.3 a
# bare digest name ("sha256") meant one salted HMAC round.
_WERKZEUG_METHOD = lazy_compile(r"^(pbkdf2|scrypt)(?::([A-Za-z0-9_]{1,20}))?(?::([0-9]{1,12}))?(?::([0-9]{1,12}))?$")
# A test, debug or development run: ``if DEBUG:``, ``if "test" in sys.argv:``, ``if TESTING:``.
_DEV_WORDS = frozenset({"test", "tests", "testing", "pytest", "debug", "dev", "development", "local", "ci"})

_POSITIONAL_ITERATIONS = 3  # hashlib.pbkdf2_hmac(hash_name, password, salt, iterations)


def _arg(call: ast.Call, index: int | None, name: str) -> ast.AST | None:
    if index is not None and index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)






def _digest_name(text: str | None) -> str | None:
    """``"SHA-256"`` / ``"sha256"`` / ``"SHA256"`` -> ``"sha256"``."""
    if not text:
        return None
    return text.lower().replace("-", "").replace("sha3", "sha3_").replace("sha3__", "sha3_")


# --- fast hashes ----------------------------------------------------------------------------
def _hash_name(call: ast.Call, ctx: FileContext) -> str | None:
    """The fast hash a call constructs ("hashlib.sha256", "md5 (hashlib.new)"), else None."""
    name = ctx.call_name(call)
    if not name or not name.startswith("hashlib."):
        return None
    algo = name[len("hashlib."):]
    if algo == "new":
        first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "name"), None)
        algo_name = ctx.const_str(first)
        if algo_name and algo_name.lower().replace("-", "_") in FAST_HASHES:
            return f"{algo_name.lower()} (hashlib.new)"
        return None
    return name if algo in FAST_HASHES else None


def _declared_not_for_security(call: ast.Call) -> bool:
    return any(
        kw.arg == "usedforsecurity" and isinstance(kw.value, ast.Constant) and not kw.value.value
        for kw in call.keywords
    )


def _data_arg(call: ast.Call, is_new: bool) -> ast.AST | None:
    idx = 1 if is_new else 0
    if len(call.args) > idx:
        return call.args[idx]
    return next((k.value for k in call.keywords if k.arg in ("data", "string")), None)


def _mentions_password(expr: ast.AST | None) -> bool:
    if expr is None:
        return False
    work = [expr]
    budget = _BUDGET
    while work and budget > 0:
        budget -= 1
        node = work.pop()
        if isinstance(node, ast.Name) and is_password_name(node.id):
            return True
        if isinstance(node, ast.Attribute) and is_password_name(node.attr):
            return True
        if isinstance(node, ast.Subscript):
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and is_password_name(key.value):
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                if is_password_name(node.args[0].value):
                    return True
        work.extend(ast.iter_child_nodes(node))
    return False


def _password_function(node: ast.AST, ctx: FileContext, data: ast.AST | None) -> bool:
    """Inside ``def hash_password(plain)``: the data is a parameter of a function whose name
    says it handles passwords."""
    func = ctx.enclosing_function(node)
    if func is None or data is None:
        return False
    words = set(split_words(func.name))
    if not words & {"password", "passwd", "passphrase", "pw", "pwd"} or not words & _HASHING_VERBS:
        return False
    params = {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]}
    return any(isinstance(n, ast.Name) and n.id in params for n in ast.walk(data))


def _is_password_data(node: ast.AST, ctx: FileContext, data: ast.AST | None) -> bool:
    return _mentions_password(data) or _password_function(node, ctx, data)


def _process_random_key(ctx: FileContext, key: ast.AST | None) -> bool:
    """The HMAC key is drawn at random in this file (``_CACHE_KEY = secrets.token_bytes(32)``):
    a digest under it is an in-memory lookup key (mlflow's credential cache), useless once
    the process ends, so not a stored password hash. Usually; low rather than dropped."""
    if isinstance(key, ast.Name):
        key = ctx.reaching_value(key)
    return isinstance(key, ast.Call) and ctx.call_name(key) in CSPRNG_BYTES


def _fast(node: ast.AST, what: str) -> Hit:
    return hit(node, f"fast hash {what}", _FAST_FIX, confidence=Confidence.HIGH)


def _check_fast_hash(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "update" and node.args:
        ctor = func.value
        if isinstance(ctor, ast.Name):
            ctor = ctx.reaching_value(ctor)
        if isinstance(ctor, ast.Call):
            algo = _hash_name(ctor, ctx)
            if algo and not _declared_not_for_security(ctor) and _is_password_data(node, ctx, node.args[0]):
                yield _fast(node, algo)
        return
    name = ctx.call_name(node)
    if name in ("hmac.new", "hmac.digest"):
        # HMAC with a pepper is still one fast hash per guess once the pepper leaks with the data.
        msg = _arg(node, 1, "msg")
        if msg is not None and _is_password_data(node, ctx, msg):
            found = _fast(node, f"{name} (HMAC)")
            if _process_random_key(ctx, _arg(node, 0, "key")):
                found = hit(found.node, *found.args, confidence=Confidence.LOW)
            yield found
        return
    algo = _hash_name(node, ctx)
    if algo is None or _declared_not_for_security(node):
        return
    data = _data_arg(node, algo.endswith("(hashlib.new)"))
    if _is_password_data(node, ctx, data):
        yield _fast(node, algo)


# --- PBKDF2, bcrypt, scrypt, Argon2 ---------------------------------------------------------
def _pbkdf2_hit(value_node: ast.AST, iterations: int, digest: str | None, where: str) -> Hit | None:
    minimum = PBKDF2_MIN_ITERATIONS.get(digest or "", _PBKDF2_FLOOR)
    if iterations >= minimum:
        return None
    label = f"HMAC-{digest.upper().replace('_', '-')}" if digest else "HMAC"
    confidence = Confidence.HIGH if iterations * 2 < minimum else Confidence.MEDIUM
    return hit(
        value_node,
        f"PBKDF2-{label} at {iterations:,} iterations ({where})",
        f"use at least {minimum:,} iterations (OWASP)",
        confidence=confidence,
    )


def _bcrypt_hit(value_node: ast.AST, cost: int, where: str) -> Hit | None:
    if cost >= BCRYPT_MIN_COST:
        return None
    return hit(value_node, f"bcrypt at cost {cost} ({where})", f"use a cost of at least {BCRYPT_MIN_COST} (OWASP)", confidence=Confidence.HIGH)


def _scrypt_hit(value_node: ast.AST, n: int, r: int, p: int, where: str) -> Hit | None:
    if n * r * p >= SCRYPT_MIN_COST:
        return None
    return hit(
        value_node,
        f"scrypt at N={n}, r={r}, p={p} ({where})",
        "use N=2**17, r=8, p=1 (OWASP)",
        confidence=Confidence.HIGH,
    )


def _argon2_hit(value_node: ast.AST, memory: int, time: int, where: str) -> Hit | None:
    if memory * time >= ARGON2_MIN_MEMORY_TIME:
        return None
    return hit(
        value_node,
        f"Argon2 at memory_cost={memory} KiB, time_cost={time} ({where})",
        "use at least 19456 KiB and time_cost 2 (OWASP)",
        confidence=Confidence.HIGH,
    )


def _hashlib_digest_of(ctx: FileContext, expr: ast.AST | None) -> str | None:
    """The digest named by ``hashes.SHA256()`` (cryptography), ``SHA256`` (PyCryptodome
    ``Crypto.Hash.SHA256``), ``hashlib.sha512`` or a string."""
    text = ctx.const_str(expr)
    if text is not None:
        return _digest_name(text)
    if isinstance(expr, ast.Call):
        expr = expr.func
    name = ctx.qualname(expr) if expr is not None else None
    if not name:
        return None
    return _digest_name(name.rsplit(".", 1)[-1])


def _keyed_input(data: ast.AST | None) -> bool:
    """PBKDF2 over a random key or token (``SECRET_KEY``, ``api_token``), not a password: the
    input's entropy, not the iteration count, protects it."""
    name = input_name(None, data)
    if not name:
        return False
    kind = secret_name_kind(name)
    if kind is None:
        # api_key_string, token_value: a key or token word followed by a word for its form.
        words = split_words(name)
        while len(words) > 1 and words[-1] not in _KEYED_WORDS:
            words = words[:-1]
        kind = secret_name_kind("_".join(words)) if len(words) > 1 else None
    return kind is not None and kind != "password"


_KEYED_WORDS = frozenset({"key", "token", "secret"})


def _check_kdf_call(node: ast.Call, ctx: FileContext, name: str) -> Iterator[Hit]:
    tail = name.rsplit(".", 1)[-1]
    if name == "hashlib.pbkdf2_hmac":
        value = _arg(node, _POSITIONAL_ITERATIONS, "iterations")
        count = int_value(ctx, value)
        if count is not None and value is not None and not _keyed_input(_arg(node, 1, "password")):
            found = _pbkdf2_hit(value, count, _digest_name(ctx.const_str(_arg(node, 0, "hash_name"))), "hashlib.pbkdf2_hmac")
            if found:
                yield found
    elif name.startswith("cryptography.") and tail == "PBKDF2HMAC":
        value = _arg(node, 3, "iterations")
        count = int_value(ctx, value)
        if count is not None and value is not None:
            found = _pbkdf2_hit(value, count, _hashlib_digest_of(ctx, _arg(node, 0, "algorithm")), "cryptography PBKDF2HMAC")
            if found:
                yield found
    elif name.startswith("Crypto") and tail == "PBKDF2":
        value = _arg(node, 3, "count")
        count = _PYCRYPTODOME_PBKDF2_COUNT if value is None else int_value(ctx, value)
        module = _arg(node, 5, "hmac_hash_module")
        digest = "sha1" if module is None else _hashlib_digest_of(ctx, module)
        if count is not None:
            found = _pbkdf2_hit(value or node, count, digest, "PyCryptodome PBKDF2" if value else "PyCryptodome PBKDF2, default count")
            if found:
                yield found
    elif name == "bcrypt.gensalt":
        value = _arg(node, 0, "rounds")
        cost = int_value(ctx, value)
        if cost is not None and value is not None:
            found = _bcrypt_hit(value, cost, "bcrypt.gensalt")
            if found:
                yield found
    elif name == "hashlib.scrypt" or (name.startswith("cryptography.") and tail == "Scrypt") or (name.startswith("Crypto") and tail == "scrypt"):
        if name == "hashlib.scrypt":
            nodes = (_arg(node, None, "n"), _arg(node, None, "r"), _arg(node, None, "p"))
        elif tail == "Scrypt":
            nodes = (_arg(node, 2, "n"), _arg(node, 3, "r"), _arg(node, 4, "p"))
        else:
            nodes = (_arg(node, 3, "N"), _arg(node, 4, "r"), _arg(node, 5, "p"))
        values = [int_value(ctx, v) for v in nodes]
        secret = _arg(node, 0, "password") if tail == "scrypt" else None
        if all(v is not None for v in values) and nodes[0] is not None and not _keyed_input(secret):
            found = _scrypt_hit(nodes[0], values[0], values[1], values[2], name)  # type: ignore[arg-type]
            if found:
                yield found
    elif name.startswith("argon2.") and tail == "PasswordHasher":
        yield from _argon2_call(node, ctx, "argon2-cffi PasswordHasher", _ARGON2_CFFI, 0, 1)


def _argon2_call(node: ast.Call, ctx: FileContext, where: str, defaults: dict, t_index: int | None, m_index: int | None) -> Iterator[Hit]:
    t_node = _arg(node, t_index, "time_cost")
    m_node = _arg(node, m_index, "memory_cost")
    if t_node is None and m_node is None:
        return
    time = defaults["time_cost"] if t_node is None else int_value(ctx, t_node)
    memory = defaults["memory_cost"] if m_node is None else int_value(ctx, m_node)
    if time is not None and memory is not None:
        found = _argon2_hit(m_node or t_node, memory, time, where)  # type: ignore[arg-type]
        if found:
            yield found


def _check_werkzeug(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    method_node = _arg(node, 1, "method")
    method = ctx.const_str(method_node)
    if method is None or method_node is None:
        return
    low = method.lower()
    if low.replace("-", "_") in FAST_HASHES or low == "plain":
        yield hit(method_node, f"fast hash '{method}' (Werkzeug method)", _FAST_FIX, confidence=Confidence.HIGH)
        return
    m = _WERKZEUG_METHOD.match(low)
    if not m:
        return
    if m.group(1) == "pbkdf2" and m.group(3):
        found = _pbkdf2_hit(method_node, int(m.group(3)), _digest_name(m.group(2) or "sha256"), "Werkzeug method")
    elif m.group(1) == "scrypt" and m.group(2) and m.group(2).isdigit():
        n = int(m.group(2))
        found = _scrypt_hit(method_node, n, int(m.group(3) or 8), int(m.group(4) or 1), "Werkzeug method")
    else:
        found = None
    if found:
        yield found


def _check_flask_bcrypt(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """Flask-Bcrypt ``bcrypt.generate_password_hash(pw, rounds=8)``."""
    func = node.func
    owner = ctx.instance_of(func.value) if isinstance(func, ast.Attribute) else None
    name = ctx.call_name(node)
    if owner != "flask_bcrypt.Bcrypt" and name != "flask_bcrypt.generate_password_hash":
        return
    value = _arg(node, 1, "rounds")
    cost = int_value(ctx, value)
    if cost is not None and value is not None:
        found = _bcrypt_hit(value, cost, "Flask-Bcrypt")
        if found:
            yield found


# --- passlib --------------------------------------------------------------------------------
def _passlib_scheme(ctx: FileContext, expr: ast.AST) -> str | None:
    """``md5_crypt`` for ``passlib.hash.md5_crypt`` (imported or dotted)."""
    name = ctx.qualname(expr)
    if name and name.startswith("passlib.hash."):
        return name[len("passlib.hash."):]
    return None


def _check_passlib_handler(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``md5_crypt.hash(pw)``, ``pbkdf2_sha256.using(rounds=1000)``, ``bcrypt.using(rounds=8)``."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return
    scheme = _passlib_scheme(ctx, func.value)
    if scheme is None:
        return
    if scheme in WEAK_PASSLIB_SCHEMES and func.attr in ("hash", "encrypt", "using", "genhash"):
        yield hit(node, f"passlib scheme '{scheme}'", "use argon2, bcrypt or pbkdf2_sha256 with enough rounds", confidence=Confidence.HIGH)
        return
    rounds = next((k.value for k in node.keywords if k.arg in ("rounds", "default_rounds")), None)
    cost = int_value(ctx, rounds)
    if rounds is None or cost is None:
        yield from _passlib_argon2(node, ctx, scheme, f"passlib {scheme}")
        return
    found = _passlib_rounds(rounds, scheme, cost, f"passlib {scheme}")
    if found:
        yield found


def _passlib_rounds(value_node: ast.AST, scheme: str, cost: int, where: str) -> Hit | None:
    if scheme in _PASSLIB_PBKDF2:
        return _pbkdf2_hit(value_node, cost, _PASSLIB_PBKDF2[scheme], where)
    if scheme in _PASSLIB_BCRYPT:
        return _bcrypt_hit(value_node, cost, where)
    if scheme == "scrypt" and cost < 64:
        # passlib's scrypt "rounds" is log2(N); its block size defaults to 8, parallelism to 1.
        return _scrypt_hit(value_node, 2**cost, 8, 1, where)
    return None


def _passlib_argon2(node: ast.Call, ctx: FileContext, scheme: str, where: str) -> Iterator[Hit]:
    if scheme == "argon2" and isinstance(node.func, ast.Attribute) and node.func.attr == "using":
        # passlib argon2 defaults (1.7): time_cost 2, memory_cost 512 KiB - but defaults are trusted.
        yield from _argon2_call(node, ctx, where, {"time_cost": 2, "memory_cost": 102400}, None, None)


def _scheme_items(ctx: FileContext, expr: ast.AST | None) -> list[tuple[ast.AST, str]]:
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if isinstance(expr, (ast.List, ast.Tuple)):
        out = []
        for elt in expr.elts:
            text = ctx.const_str(elt)
            if text is not None:
                out.append((elt, text))
        return out
    text = ctx.const_str(expr)
    if text is not None and expr is not None:
        # "md5_crypt, bcrypt" (passlib also parses comma-separated strings)
        return [(expr, part.strip()) for part in text.split(",") if part.strip()]
    return []


def _check_crypt_context(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    schemes = _scheme_items(ctx, _arg(node, 0, "schemes"))
    default_node = _arg(node, None, "default")
    default = ctx.const_str(default_node) if default_node is not None else (schemes[0][1] if schemes else None)
    deprecated_node = _arg(node, None, "deprecated")
    deprecated = {text for _n, text in _scheme_items(ctx, deprecated_node)}
    auto = "auto" in deprecated
    for elt, scheme in schemes:
        if scheme not in WEAK_PASSLIB_SCHEMES:
            continue
        if scheme == default:
            yield hit(default_node if default_node is not None else elt, f"passlib scheme '{scheme}' (CryptContext default)",
                      "make argon2 or bcrypt the default and deprecate the old scheme", confidence=Confidence.HIGH)
        elif not auto and scheme not in deprecated:
            yield hit(elt, f"passlib scheme '{scheme}' (CryptContext, not deprecated)",
                      "mark it deprecated so old hashes are upgraded on login", confidence=Confidence.MEDIUM)
    for kw in node.keywords:
        if kw.arg is None or "__" not in kw.arg:
            continue
        scheme, _, setting = kw.arg.partition("__")
        if setting not in ("rounds", "default_rounds"):
            continue
        cost = int_value(ctx, kw.value)
        if cost is not None:
            found = _passlib_rounds(kw.value, scheme, cost, f"CryptContext {kw.arg}")
            if found:
                yield found


# --- entry points ---------------------------------------------------------------------------
_KDF_CALLEES = frozenset({"pbkdf2_hmac", "PBKDF2HMAC", "PBKDF2", "gensalt", "scrypt", "Scrypt", "PasswordHasher"})
_PASSLIB_METHODS = frozenset({"hash", "encrypt", "using", "genhash"})


def _work_factors_in_tests(ctx: FileContext, hits: Iterator[Hit]) -> Iterator[Hit]:
    """Tests pick tiny work factors on purpose (speed): low confidence there. Fast hashes of
    passwords keep their confidence."""
    test = None  # asked only when there is a hit
    for h in hits:
        if test is None:
            test = ctx.settings.is_test_path(ctx.filename)
        if test and not str(h.args[0]).startswith("fast hash"):
            yield hit(h.node, *h.args, confidence=Confidence.LOW)
        else:
            yield h


@on(ast.Call, callees=FAST_HASHES | {"new", "update", "digest", "generate_password_hash", "CryptContext"} | _KDF_CALLEES | _PASSLIB_METHODS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    yield from _work_factors_in_tests(ctx, _call_hits(node, ctx))


def _call_hits(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    tail = name.rsplit(".", 1)[-1] if name else (node.func.attr if isinstance(node.func, ast.Attribute) else "")
    if tail in _KDF_CALLEES and name:
        yield from _check_kdf_call(node, ctx, name)
        return
    if tail == "generate_password_hash":
        if name == "werkzeug.security.generate_password_hash" or name == "werkzeug.generate_password_hash":
            yield from _check_werkzeug(node, ctx)
        else:
            yield from _check_flask_bcrypt(node, ctx)
        return
    if tail == "CryptContext":
        if name.startswith("passlib."):
            yield from _check_crypt_context(node, ctx)
        return
    if isinstance(node.func, ast.Attribute) and node.func.attr in _PASSLIB_METHODS:
        if _passlib_scheme(ctx, node.func.value) is not None:
            yield from _check_passlib_handler(node, ctx)
            return
    yield from _check_fast_hash(node, ctx)


def _dev_gated(node: ast.AST, ctx: FileContext) -> bool:
    """Under ``if DEBUG:`` / ``if "test" in sys.argv:`` / ``if TESTING:`` (either branch)."""
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.If):
            for sub in ast.walk(anc.test):
                text = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else literal_str(sub)
                if text and _DEV_WORDS.intersection(split_words(text)):
                    return True
    return False


def _relaxed_here(node: ast.AST, ctx: FileContext) -> bool:
    return settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename) or _dev_gated(node, ctx)


@on(ast.Assign, names={"PASSWORD_HASHERS", "BCRYPT_LOG_ROUNDS"})
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    """Django ``PASSWORD_HASHERS`` led by a weak hasher; Flask-Bcrypt ``BCRYPT_LOG_ROUNDS``."""
    for target in node.targets:
        name = None
        if isinstance(target, ast.Name) and ctx.scope_of(node) is ctx.tree:
            name = target.id
        elif isinstance(target, ast.Subscript):
            name = ctx.const_str(target.slice)
        if name == "PASSWORD_HASHERS":
            if isinstance(node.value, (ast.List, ast.Tuple)) and node.value.elts and not _relaxed_here(node, ctx):
                first = node.value.elts[0]
                path = ctx.const_str(first)
                hasher = path.rsplit(".", 1)[-1] if path else None
                if hasher in WEAK_DJANGO_HASHERS:
                    yield hit(first, f"Django {hasher} (first in PASSWORD_HASHERS)",
                              "put Argon2PasswordHasher or PBKDF2PasswordHasher first", confidence=Confidence.HIGH)
        elif name == "BCRYPT_LOG_ROUNDS":
            cost = int_value(ctx, node.value)
            if cost is not None and not _relaxed_here(node, ctx):
                found = _bcrypt_hit(node.value, cost, "Flask-Bcrypt BCRYPT_LOG_ROUNDS")
                if found:
                    yield found


# Django hasher base classes and the class attributes that set their work factor.
_DJANGO_PBKDF2 = {"PBKDF2PasswordHasher": "sha256", "PBKDF2SHA1PasswordHasher": "sha1"}
_DJANGO_BCRYPT = frozenset({"BCryptSHA256PasswordHasher", "BCryptPasswordHasher"})
_HASHER_BASES = frozenset({*_DJANGO_PBKDF2, *_DJANGO_BCRYPT, "ScryptPasswordHasher", "Argon2PasswordHasher"})


@on(ast.ClassDef)
def check_hasher_class(node: ast.ClassDef, ctx: FileContext) -> Iterator[Hit]:
    """A Django hasher subclass that lowers the work factor: ``iterations = 10_000``."""
    for b in node.bases:  # `_hasher_class_hits` looks only at these base names
        if (b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")) in _HASHER_BASES:
            break
    else:
        return
    yield from _work_factors_in_tests(ctx, _hasher_class_hits(node, ctx))


def _hasher_class_hits(node: ast.ClassDef, ctx: FileContext) -> Iterator[Hit]:
    bases = {b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases}
    where = f"Django hasher {node.name}"
    for base in bases:
        if base in _DJANGO_PBKDF2:
            value = class_attr(node, "iterations")
            count = int_value(ctx, value)
            if value is not None and count is not None:
                found = _pbkdf2_hit(value, count, _DJANGO_PBKDF2[base], where)
                if found:
                    yield found
        elif base in _DJANGO_BCRYPT:
            value = class_attr(node, "rounds")
            cost = int_value(ctx, value)
            if value is not None and cost is not None:
                found = _bcrypt_hit(value, cost, where)
                if found:
                    yield found
        elif base == "ScryptPasswordHasher":
            nodes = {k: class_attr(node, k) for k in _DJANGO_SCRYPT}
            given = [v for v in nodes.values() if v is not None]
            if given:
                values = {k: (_DJANGO_SCRYPT[k] if v is None else int_value(ctx, v)) for k, v in nodes.items()}
                if all(v is not None for v in values.values()):
                    n, r, p = values["work_factor"], values["block_size"], values["parallelism"]
                    found = _scrypt_hit(given[0], n, r, p, where)  # type: ignore[arg-type]
                    if found:
                        yield found
        elif base == "Argon2PasswordHasher":
            t_node, m_node = class_attr(node, "time_cost"), class_attr(node, "memory_cost")
            if t_node is not None or m_node is not None:
                time = _DJANGO_ARGON2["time_cost"] if t_node is None else int_value(ctx, t_node)
                memory = _DJANGO_ARGON2["memory_cost"] if m_node is None else int_value(ctx, m_node)
                if time is not None and memory is not None:
                    found = _argon2_hit(m_node or t_node, memory, time, where)  # type: ignore[arg-type]
                    if found:
                        yield found
