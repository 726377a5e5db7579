"""AIS203 insecure-random-token: a security value made from a guessable source.

## What it does
Flags a security value made from a guessable source. The value is a security value when it
is assigned to, passed as, stored under or returned from a function named like a token, OTP,
nonce, salt, secret, password, PIN, session id, API or session key, a reset, invite,
verification or activation code, a reset or invite record id, or a ``generate_<x>_key``
function; a bare ``code`` variable counts as what its function makes (``create_pairing_code``). The sources:

- the ``random`` module's Mersenne Twister (``random.random``, ``randint``, ``randrange``,
  ``choice``, ``choices``, ``sample``, ``getrandbits``, ``randbytes``);
- ``uuid.uuid1()`` (the clock time and the host's MAC address) and ``uuid.uuid3()`` /
  ``uuid.uuid5()`` (a hash of a namespace and a name); ``uuid.uuid4()`` is random and fine;
- the current time (``time.time()``, ``time.time_ns()``, ``datetime.now()``,
  ``.timestamp()``), as it is or through conversions and unkeyed hashes
  (``sha256(str(time.time()).encode()).hexdigest()``);
- ``secrets.token_hex(n)``, ``token_urlsafe(n)``, ``token_bytes(n)`` and ``os.urandom(n)``
  with fewer than 16 bytes for a token, session id, API key, password or reset / invite code
  (high confidence below 8 bytes, the OWASP minimum of 64 bits).

## Why is this bad?
``random`` is not a cryptographic generator: after 624 outputs its state can be recovered and
every later value predicted, and its seed may be guessable. A version 1 UUID is the time to
100 ns plus a MAC address anyone on the network sees; the current time is known to the
second. Tokens, OTPs and session ids made from them can be forged or guessed, and 32 bits
from ``secrets`` fall to an online guessing run.

## Example
```python
import random
import string

def reset_code():
    return "".join(random.choice(string.digits) for _ in range(6))
```

## Use instead
```python
import secrets
import string

def reset_code():
    return "".join(secrets.choice(string.digits) for _ in range(6))
```

## Known problems
``random`` used for shuffling, sampling, jitter, simulations or games is not flagged: only
the destination's name says the value is a security value, so a token stored under a neutral
name is missed. Picking from a collection the program holds (``random.choice(tokens)`` in a
language model's sampler) is selection, not minting, and a constant range of fewer than 1,000
values (``random.randint(1, 100)``) cannot be a credential; neither is flagged. ``random.SystemRandom()`` and ``secrets`` are never flagged
for predictability. A time or uuid1 value that passes through a keyed function (an HMAC, a
signer) or is combined with ``secrets`` output is not flagged; one first stored under a
neutral name (``ts = time.time()``) and then hashed into a token is missed. A nonce from
the clock is not flagged: exchange and OAuth 1 APIs require an increasing one. The byte count is
not judged for human-typed one-time codes (OTP, PIN, SMS, verification and pairing codes),
nonces and salts, nor for ``secrets.randbelow(10**6)``: six digits are the norm there and
short expiry and attempt limits protect them.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-330: Use of Insufficiently Random Values](https://cwe.mitre.org/data/definitions/330.html)
- [CWE-338: Use of Cryptographically Weak PRNG](https://cwe.mitre.org/data/definitions/338.html)
- [Python docs: random, "should not be used for security purposes"](https://docs.python.org/3/library/random.html)
- [Python docs: secrets, "How many bytes should tokens use?" (32 bytes default)](https://docs.python.org/3/library/secrets.html#how-many-bytes-should-tokens-use)
- [OWASP Session Management Cheat Sheet: session ID entropy (64 bits minimum)](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-entropy)
- [RFC 9562, section 8: UUIDs as security capabilities](https://www.rfc-editor.org/rfc/rfc9562#section-8)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.crypto import CSPRNG_BYTES
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

RANDOM_FUNCS = frozenset(
    f"random.{n}"
    for n in ("random", "randint", "randrange", "choice", "choices", "sample", "getrandbits", "randbytes")
)
_STRONG_HEADS = frozenset({"token", "otp", "totp", "hotp", "nonce", "secret", "password", "passwd", "passphrase", "sessionid", "apikey", "csrf", "xsrf"})
_WEAK_HEADS = frozenset({"salt", "pin", "sid", "iv"})
_CODE_QUALIFIERS = frozenset(
    {
        "reset", "invite", "invitation", "verification", "verify", "otp", "auth", "confirmation",
        "confirm", "activation", "recovery", "login", "mfa", "2fa", "twofa", "sms", "security",
        "access", "one", "magic", "pairing", "unlock", "backup",
    }
)
_KEY_QUALIFIERS = frozenset({"api", "secret", "session", "access", "private", "signing", "encryption", "hmac", "auth"})
# Tokens that order, page or deduplicate work rather than authenticate anyone.
_NON_SECRET_TOKEN_QUALIFIERS = frozenset(
    {"next", "page", "continuation", "cursor", "pagination", "sync", "resume", "cancel", "cancellation", "idempotency", "trace", "correlation"}
)
# Records whose id is the secret part of an emailed link.
_LINK_QUALIFIERS = frozenset({"reset", "invite", "invitation", "verification", "magic", "recovery", "activation", "confirmation"})
# A function named generate_<x>_key mints a key, unless <x> says it indexes data.
_MINTING_VERBS = frozenset({"generate", "gen", "make", "create", "new", "issue", "mint", "random"})
_NON_SECRET_KEY_QUALIFIERS = frozenset(
    {
        "cache", "sort", "lookup", "partition", "primary", "foreign", "idempotency", "dedup", "dedupe", "row",
        "object", "storage", "dict", "map", "index", "hash", "group", "route", "routing", "shard", "composite",
        "natural", "unique", "cursor", "page", "sequence", "order", "translation", "message", "field", "column",
        "table", "config", "setting", "settings", "registry", "event", "metric", "file", "bucket", "upload",
        "media", "image", "path", "url", "fragment", "template", "lock", "queue", "redis", "s3", "dynamo",
    }
)


def security_value_kind(name: str) -> Confidence | None:
    """How sure a destination name marks a security value: HIGH, MEDIUM, or None.

    ``"session_id"``, ``"reset_code"``, ``"api_key"``, ``"generate_token"`` -> HIGH;
    ``"salt"``, ``"pin"`` -> MEDIUM; ``"retry_jitter"``, ``"status_code"`` -> None.
    """
    words = split_words(name)
    if not words:
        return None
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if last in ("token", "tokens") and prev in _NON_SECRET_TOKEN_QUALIFIERS:
        return None
    if last in _STRONG_HEADS or last.rstrip("s") in _STRONG_HEADS:
        return Confidence.HIGH
    if last == "code" and prev in _CODE_QUALIFIERS:
        return Confidence.HIGH
    if last in ("key", "id") and prev in _KEY_QUALIFIERS | {"session"}:
        return Confidence.HIGH
    if last == "id" and prev in _LINK_QUALIFIERS:
        return Confidence.HIGH  # reset_id, invite_id: the record id that the emailed link carries
    if last in _WEAK_HEADS:
        return Confidence.MEDIUM
    if last == "key" and len(words) >= 3 and words[0] in _MINTING_VERBS and prev not in _NON_SECRET_KEY_QUALIFIERS:
        return Confidence.MEDIUM  # generate_legacy_key, create_device_key
    return None


def _destination(call: ast.AST, ctx: FileContext) -> list[str]:
    """Names the call's value flows into, from the nearest keyword, dict key or statement."""
    child = call
    for anc in ctx.ancestors(call):
        if isinstance(anc, ast.keyword):
            return [anc.arg] if anc.arg else []
        if isinstance(anc, ast.Dict) and child in anc.values:
            key = anc.keys[anc.values.index(child)]
            return [key.value] if isinstance(key, ast.Constant) and isinstance(key.value, str) else []
        if isinstance(anc, ast.NamedExpr):
            return [anc.target.id]
        if isinstance(anc, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return []
        if isinstance(anc, ast.stmt):
            return _statement_names(anc, ctx)
        child = anc
    return []


def _statement_names(stmt: ast.stmt, ctx: FileContext) -> list[str]:
    targets: list[ast.AST] = []
    if isinstance(stmt, ast.Assign):
        targets = list(stmt.targets)
    elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        targets = [stmt.target]
    elif isinstance(stmt, ast.Return):
        func = ctx.enclosing_function(stmt)
        return [func.name] if func else []
    names = []
    for t in targets:
        for node in ast.walk(t) if isinstance(t, (ast.Tuple, ast.List)) else (t,):
            if isinstance(node, ast.Name):
                names.append(node.id)
            elif isinstance(node, ast.Attribute):
                names.append(node.attr)
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                names.append(node.slice.value)
    return names


_PICKERS = frozenset({"random.choice", "random.choices", "random.sample"})
_RANGES = frozenset({"random.randint", "random.randrange"})
# Fewer possible values than this cannot be a credential (a guessing game's 1..100).
_MIN_RANGE = 1000


def _mints(node: ast.Call, name: str, ctx: FileContext) -> bool:
    """Whether the call makes a new value rather than picking among existing ones.

    ``choice``/``choices``/``sample`` from a constant alphabet mint; from a collection the
    program holds (``random.choice(tokens)`` in a language model's sampler) they select.
    A constant range of fewer than `_MIN_RANGE` values is a game or a dice roll.
    """
    if name in _PICKERS:
        population = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "population" or k.arg == "seq"), None)
        return population is not None and ctx.is_constant(population)
    if name in _RANGES and len(node.args) >= 2:
        low, high = node.args[0], node.args[1]
        if isinstance(low, ast.Constant) and isinstance(high, ast.Constant):
            if isinstance(low.value, int) and isinstance(high.value, int):
                return high.value - low.value >= _MIN_RANGE
    return True


# RFC 9562 section 8: UUIDs "should not be used as security capabilities"; version 1 is the
# clock time and the host's MAC address, versions 3 and 5 a hash of a namespace and a name.
UUID_FUNCS = {
    "uuid.uuid1": "predictable (clock time and MAC address)",
    "uuid.uuid3": "computed from its namespace and name",
    "uuid.uuid5": "computed from its namespace and name",
}
TIME_FUNCS = frozenset(
    {
        "time.time", "time.time_ns", "time.monotonic", "time.perf_counter", "datetime.datetime.now",
        "datetime.datetime.utcnow", "datetime.datetime.today", "django.utils.timezone.now",
    }
)
# nbytes-taking generators. OWASP Session Management Cheat Sheet: at least 64 bits of entropy
# for a session id; 128 bits (16 bytes) is what the Python docs' secrets section and OWASP
# recommend for tokens; the secrets module's own default is 32 bytes.
BYTE_FUNCS = CSPRNG_BYTES
MIN_BYTES = 16
HARD_MIN_BYTES = 8
# CSPRNG output anywhere in the value makes a clock or uuid1 part harmless.
STRONG_FUNCS = frozenset(
    {"secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes", "secrets.choice", "secrets.randbits",
     "secrets.randbelow", "os.urandom", "uuid.uuid4", "random.SystemRandom"}
)
# Human-typed one-time codes rely on short expiry and attempt limits, not on length (NIST SP
# 800-63B 5.1.3: six digits suffice for an out-of-band code): their byte count is not judged.
_TYPED_CODE_QUALIFIERS = frozenset(
    {"otp", "sms", "mfa", "2fa", "twofa", "pairing", "verification", "verify", "confirmation", "confirm", "login", "auth", "security", "one"}
)
_NO_LENGTH_HEADS = frozenset({"otp", "totp", "hotp", "pin", "nonce", "salt", "iv"})
# Transformations that keep a value as guessable as it was: conversions, unkeyed hashes, encodings.
_TRANSPARENT_CALLS = frozenset({"builtins.str", "builtins.int", "builtins.float", "builtins.repr", "builtins.hex", "builtins.format", "builtins.round", "builtins.bytes", "binascii.hexlify"})
_TRANSPARENT_PREFIXES = ("hashlib.", "base64.")
_TRANSPARENT_METHODS = frozenset(
    {"encode", "decode", "hexdigest", "digest", "hex", "format", "join", "replace", "upper", "lower", "strip", "timestamp", "isoformat", "strftime", "zfill", "rjust", "ljust"}
)


def _transparent_path(node: ast.AST, ctx: FileContext) -> ast.AST | None:
    """The expression the value ends up in when every step from `node` to its destination is
    a conversion, an unkeyed hash or an encoding (``sha256(str(time.time()).encode())``);
    None when it passes through anything else (an HMAC, a signer, an unknown function)."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.keyword, ast.NamedExpr, ast.stmt)) or (isinstance(anc, ast.Dict) and child in anc.values):
            return child
        if isinstance(anc, ast.Call):
            if anc.func is not child:
                name = ctx.call_name(anc) or ""
                method = anc.func.attr if isinstance(anc.func, ast.Attribute) else ""
                if name not in _TRANSPARENT_CALLS and not name.startswith(_TRANSPARENT_PREFIXES) and method not in ("join", "format"):
                    return None
        elif isinstance(anc, ast.Attribute):
            if anc.attr not in _TRANSPARENT_METHODS:
                return None
        elif not isinstance(anc, (ast.BinOp, ast.JoinedStr, ast.FormattedValue, ast.Subscript, ast.Slice)):
            return None
        child = anc
    return None


def _has_strong(expr: ast.AST, ctx: FileContext) -> bool:
    return any(isinstance(n, ast.Call) and ctx.call_name(n) in STRONG_FUNCS for n in ast.walk(expr))


def _best_destination(node: ast.AST, ctx: FileContext) -> tuple[Confidence, str] | None:
    best: tuple[Confidence, str] | None = None
    dests = _destination(node, ctx)
    if any(split_words(d) == ["code"] for d in dests):
        # A bare `code` takes its meaning from the function: create_pairing_code, send_reset_code.
        func = ctx.enclosing_function(node)
        if func is not None and split_words(func.name)[-1:] == ["code"]:
            dests.append(func.name)
    for dest in dests:
        conf = security_value_kind(dest)
        if conf is not None and (best is None or conf.rank > best[0].rank):
            best = (conf, dest)
    return best


def _int_value(expr: ast.AST | None, ctx: FileContext, depth: int = 0) -> int | None:
    if expr is None or depth > 10:
        return None
    if isinstance(expr, ast.Constant) and isinstance(expr.value, int) and not isinstance(expr.value, bool):
        return expr.value
    if isinstance(expr, ast.Name):
        return _int_value(ctx.reaching_value(expr), ctx, depth + 1)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Mult, ast.FloorDiv)):
        left, right = _int_value(expr.left, ctx, depth + 1), _int_value(expr.right, ctx, depth + 1)
        if left is None or right is None or (isinstance(expr.op, ast.FloorDiv) and right == 0):
            return None
        if isinstance(expr.op, ast.Add):
            return left + right
        return left * right if isinstance(expr.op, ast.Mult) else left // right
    return None


def _length_judged(dest: str) -> bool:
    """Whether a destination needs a token's full length (not a typed code, nonce or salt)."""
    words = split_words(dest)
    last = words[-1] if words else ""
    prev = words[-2] if len(words) > 1 else ""
    if last in _NO_LENGTH_HEADS or last.rstrip("s") in _NO_LENGTH_HEADS:
        return False
    return not (last == "code" and prev in _TYPED_CODE_QUALIFIERS)


def _too_few_bytes(node: ast.Call, name: str, ctx: FileContext) -> Iterator[Hit]:
    size = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg in ("nbytes", "size")), None)
    if size is None:
        return  # the secrets default: 32 bytes
    nbytes = _int_value(size, ctx)
    if nbytes is None or nbytes >= MIN_BYTES:
        return
    best = _best_destination(node, ctx)
    if best is None or not _length_judged(best[1]):
        return
    conf = Confidence.HIGH if nbytes < HARD_MIN_BYTES and best[0] is Confidence.HIGH else Confidence.MEDIUM
    yield hit(
        size,
        f"{name}({nbytes})",
        f"only {nbytes * 8} bits of randomness",
        best[1],
        f"use {MIN_BYTES} bytes or more",
        confidence=conf,
    )


@on(
    ast.Call,
    callees={n.rsplit(".", 1)[-1] for n in RANDOM_FUNCS | set(UUID_FUNCS) | TIME_FUNCS | BYTE_FUNCS},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    if name in BYTE_FUNCS:
        yield from _too_few_bytes(node, name, ctx)
        return
    if name in UUID_FUNCS or name in TIME_FUNCS:
        value = _transparent_path(node, ctx)
        if value is None or _has_strong(value, ctx):
            return
        best = _best_destination(node, ctx)
        if best is not None and name in TIME_FUNCS and split_words(best[1])[-1:] == ["nonce"]:
            return  # exchange and OAuth 1 APIs ask for an increasing nonce: the clock is the spec
        if best is not None:
            why = UUID_FUNCS.get(name, "guessable (the current time)")
            yield hit(node, f"{name}()", why, best[1], "use the secrets module", confidence=best[0])
        return
    if name not in RANDOM_FUNCS or not _mints(node, name, ctx):
        return
    best = _best_destination(node, ctx)
    if best is not None:
        yield hit(node, f"{name}()", "predictable", best[1], "use the secrets module", confidence=best[0])
