"""AIS203 insecure-random-token: a security value made with the ``random`` module.

## What it does
Flags a call to the ``random`` module's Mersenne Twister (``random.random``, ``randint``,
``randrange``, ``choice``, ``choices``, ``sample``, ``getrandbits``, ``randbytes``) whose
result becomes a security value: it is assigned to, passed as, stored under or returned from
a function named like a token, OTP, nonce, salt, secret, password, PIN, session id, API or
session key, or a reset, invite, verification or activation code.

## Why is this bad?
``random`` is not a cryptographic generator: after 624 outputs its state can be recovered and
every later value predicted, and its seed may be guessable. Tokens, OTPs and session ids made
with it can be forged or guessed.

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
values (``random.randint(1, 100)``) cannot be a credential; neither is flagged. ``random.SystemRandom()`` and ``secrets`` are never flagged.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-330: Use of Insufficiently Random Values](https://cwe.mitre.org/data/definitions/330.html)
- [CWE-338: Use of Cryptographically Weak PRNG](https://cwe.mitre.org/data/definitions/338.html)
- [Python docs: random, "should not be used for security purposes"](https://docs.python.org/3/library/random.html)
- [Python docs: secrets](https://docs.python.org/3/library/secrets.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

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
    if last in ("token", "tokens") and prev in ("next", "page", "continuation", "cursor"):
        return None
    if last in _STRONG_HEADS or last.rstrip("s") in _STRONG_HEADS:
        return Confidence.HIGH
    if last == "code" and prev in _CODE_QUALIFIERS:
        return Confidence.HIGH
    if last in ("key", "id") and prev in _KEY_QUALIFIERS | {"session"}:
        return Confidence.HIGH
    if last in _WEAK_HEADS:
        return Confidence.MEDIUM
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


@on(ast.Call, callees={n.rsplit(".", 1)[-1] for n in RANDOM_FUNCS})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node)
    if name not in RANDOM_FUNCS or not _mints(node, name, ctx):
        return
    best: tuple[Confidence, str] | None = None
    for dest in _destination(node, ctx):
        conf = security_value_kind(dest)
        if conf is not None and (best is None or conf.rank > best[0].rank):
            best = (conf, dest)
    if best is not None:
        yield hit(node, f"{name}()", best[1], confidence=best[0])
