"""AIS207 timing-unsafe-comparison: a secret compared with ``==`` or ``!=``.

## What it does
Flags an ``==`` / ``!=`` comparison between two non-constant values when one of them is a
secret that an attacker supplies guesses for: an API key, token, client secret, HMAC digest
or webhook signature, a password hash, a reset, verification or one-time code, or a CSRF
token. A value is such a secret when

- its name says so: the variable, attribute, dict key (``config["PARTNER_API_KEY"]``,
  ``data.get("token")``) or request header (``request.headers["X-API-Key"]``,
  ``Authorization``, ``X-Hub-Signature-256``) is a secret name, or ends in *signature*,
  *digest*, *hmac*, *otp*, *password_hash*, *reset_code*, *verification_code* ...; or
- it is computed as one: ``hmac.new(...).hexdigest()``, ``hmac.digest(...)``, a ``hashlib``
  digest or PBKDF2 of a secret-named value, ``bcrypt.hashpw(...)``, or the result of a
  function named for signing or hashing a secret (``sign(...)``, ``hash_password(...)``),
  directly or through a variable (``expected = hmac.new(...).hexdigest()``).

Comparisons with a literal or constant are left to AIS206 (hardcoded-credential-check); so
are those with an upper-case name imported from another module whose name is no secret (a
label or sentinel such as ``MASTER_KEY_ALIAS``, ``SENTINEL_API_KEY``: public, so timing
reveals nothing); an imported ``API_KEY`` is still a secret, but an imported placeholder
(``CHANGE_ME_SECRET_KEY``, ``DEFAULT_SECRET_KEY``) is not. Two sides computed from one
variable (``token.removeprefix(PREFIX) != token``: did the prefix come off?) compare no
guess with a secret and are not reported, nor is a canonical-encoding round trip
(``base64.urlsafe_b64encode(base64.b64decode(sig)).decode() != sig``); nor is a cache key whose mismatch branch returns
the stored value itself (``if chart.digest != digest: return redirect(url_for(...,
digest=chart.digest))``).
A comparison whose mismatch branch assigns the compared field the other side (``if
credential.api_key != api_key: credential.api_key = api_key``: a client's credential cache
replacing a key that changed) grants nothing on a match and is low, also when the branch
stores it only once it is verified and when the stored side was read into a name first
(``cached = session["aws"].get("secret")``, then ``if cached != data["secret"]:`` ... ``if
status: session["aws"]["secret"] = data["secret"]``: a cache of what the same client sent). So is one of two plain
names whose mismatch branch hands one of them to a call named for authentication (``if
external_token != token: user = authenticate_external(external_token)``): it tells two
credentials the caller presented apart, and the call checks the credential.
Not flagged: header names, token *types* (``token_type == "bearer"``), schemes and
algorithm names, lengths (``len(key) != 64``), ``is None`` checks, ids, ``in`` tests,
comparisons inside a call's arguments (ORM filters such as ``Token.value == token``) and
inside ``__eq__``, and plaintext password comparisons, which AIS205 reports.

## Why is this bad?
``==`` on strings and bytes stops at the first differing byte, so it answers sooner the
fewer leading bytes of a guess are right. An attacker who can time many requests recovers a
key, token or signature byte by byte instead of guessing it whole (CWE-208). Python's
``hmac.compare_digest`` (also ``secrets.compare_digest``) takes the same time wherever the
inputs differ.

## Example
```python
import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"].encode()


@app.post("/hooks/payments")
def payment_hook():
    expected = hmac.new(WEBHOOK_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if request.headers.get("X-Signature", "") != expected:
        abort(401)
    return "", 204
```

## Use instead
```python
import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"].encode()


@app.post("/hooks/payments")
def payment_hook():
    expected = hmac.new(WEBHOOK_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(request.headers.get("X-Signature", ""), expected):
        abort(401)
    return "", 204
```

## Known problems
Names that are also common outside security code (*token* in a lexer, *signature* of a
function, *digest* of a file) count only in a module that imports a web framework or a
security library (``flask``, ``django``, ``fastapi``, ``hmac``, ``jwt``, ``secrets`` ...) or
when one side comes from the request; ``sig`` counts only with a qualifier
(``webhook_sig``). A secret held under a name that does not say so (``if key != expected_value``) is only
found when its value is visibly computed as one. Confidence is high when both sides are
secrets or one is a computed digest, medium when only one side's name marks it; low for
change detection, where both sides name the same field, one was just made or cached by the
server and neither is request data (``position.secret != secret`` after ``secret =
gen.generate_secret(...)``, ``cached["access_token"] != self._token.access_token`` after
``cached = cache.get(key)``): the name of the making function is the only evidence. Also
low: an unkeyed digest of content, directly or from a same-module helper
(``body_digest != hashlib.sha256(body).hexdigest()``; also a helper that handles no key, no
``hmac`` and no secret-named value and returns a call named for a digest: ``return
canonical_json_digest(normalized)``, an idempotency receipt's fingerprint of the request
body), or read from a key named after the
hash (``source.get("sha256") == digest``), since it fingerprints public data; a comprehension
filter (``[k for k in keys if k.token != hashed]``), which selects and decides no access; and
two server-held values, in a function that is no route, takes no request, has no
authentication word in its name or its class's (*verify*, *check*, *auth*, *valid*,
*decode*, *require* ...), compares neither request data (also through this module's callers)
nor a computed digest nor a configured secret (environment, settings, config, upper-case
constant; a record's ``config_digest`` is none: only the last word of the attribute read
counts), and does not compare a loaded record's secret with a value passed in
(``previous_master_key == master_key`` at boot); and two configured secrets compared
outside a route (``admin_secret == secret.get_secret_value()`` after ``admin_secret =
os.getenv(...)``: a startup check that two settings differ). A helper that verifies a guess passed in
by a caller in another module, under a name with none of those words, is lowered with them.
Low too: an argument of a command-line command (click, typer or cyclopts ``@app.command()``,
a Django management command's ``handle``) compared in that command (``env_api_key != key``
in ``login(key)``), which only the user who runs it can time. A
comparison of hashes of high-entropy keys leaks little in practice but is still reported:
``compare_digest`` costs nothing. Comparisons in test files (``aisec-test-paths``) are low
confidence.

## Options
None beyond ``aisec-min-confidence``; ``aisec-secret-names`` adds secret names.

## References
- [CWE-208: Observable Timing Discrepancy](https://cwe.mitre.org/data/definitions/208.html)
- [Python docs: hmac.compare_digest](https://docs.python.org/3/library/hmac.html#hmac.compare_digest)
- [Python docs: secrets.compare_digest](https://docs.python.org/3/library/secrets.html#secrets.compare_digest)
- [OWASP Authentication Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..memo import memo
from ..analysis.context import operand_name
from ..analysis.frameworks import cli_command
from ..analysis.taint import may_route_web
from ..analysis.words import holds_head_word, names_making, secret_name_kind, split_words
from ..analysis.comparisons import replaced_on_change
from ..checks import Confidence, FileContext, Hit, hit, on

# Head nouns (last word of a name) that name a secret guessed byte by byte, beyond the
# secret names of `words.secret_name_kind`.
_HEADS = {
    "signature": "signature",
    "signatures": "signature",
    "digest": "digest",
    "hmac": "HMAC",
    "otp": "one-time code",
    "totp": "one-time code",
    "hotp": "one-time code",
    "authorization": "Authorization header",
}
# Kinds whose names are also common outside security code (a lexer's token, a function's
# signature, a file's digest): reported only in web or security code (see `_security_code`)
# or against a value from the request.
_AMBIGUOUS = frozenset({"token", "signature", "digest"})
# "sig" is a signal number as often as a signature: only with a qualifier.
_SIG_QUALIFIERS = frozenset({"hmac", "webhook", "request", "payload", "expected", "computed", "x", "hub"})
# Modules whose import marks a file as web or security code.
_SECURITY_MODULES = (
    "flask", "django", "fastapi", "starlette", "rest_framework", "aiohttp", "tornado", "sanic",
    "bottle", "quart", "falcon", "pyramid", "werkzeug", "litestar", "hmac", "jwt", "jose",
    "itsdangerous", "secrets", "authlib", "passlib", "bcrypt", "argon2", "oauthlib", "stripe",
)
# Qualified heads: "<qualifier>_hash", "<qualifier>_code", "<qualifier>_mac", "csrf_token".
_HASH_QUALIFIERS = frozenset({"password", "passwd", "pw", "pwd", "pass", "token", "secret", "pin", "code", "otp", "api"})
_CODE_QUALIFIERS = frozenset(
    {
        "reset", "verification", "verify", "confirm", "confirmation", "activation", "otp", "mfa",
        "totp", "auth", "login", "recovery", "backup", "invite", "invitation", "sms", "email",
        "security", "unlock", "magic", "access", "one", "2fa", "twofa", "pairing",
    }
)
# Words that make a name describe a secret's metadata, not the secret: token_type, key_id.
_METADATA = frozenset(
    {
        "type", "kind", "name", "id", "ids", "scheme", "alg", "algorithm", "algo", "keyword",
        "prefix", "suffix", "length", "len", "count", "size", "version", "status", "event",
        "method", "format", "mode", "field", "label", "role", "expiry", "expires",
        "exp", "ttl", "url", "path", "file", "filename", "created", "updated", "at",
    }
)
# Calls that hash or sign: their result is secret-bearing when they process a secret.
_HMAC_CALLS = frozenset({"hmac.new", "hmac.digest", "hmac.HMAC"})
_KDF_CALLS = frozenset({"hashlib.pbkdf2_hmac", "hashlib.scrypt", "bcrypt.hashpw", "bcrypt.kdf"})
_WRAPPERS = frozenset({"strip", "lower", "upper", "encode", "decode", "hex", "hexdigest", "digest", "casefold", "rstrip", "lstrip"})
_PASS_CALLS = frozenset(
    {"builtins.str", "builtins.bytes", "base64.b64encode", "base64.urlsafe_b64encode", "base64.b64decode", "binascii.hexlify", "binascii.unhexlify"}
)
_SIGN_WORDS = frozenset({"sign", "signature", "hmac", "digest", "mac"})
_DIGEST_WRAPPERS = frozenset({"hexdigest", "digest", "hex", "decode", "encode", "lower", "upper", "strip"})
_MESSAGE_WORDS = frozenset({"payload", "body", "message", "msg", "data", "request", "timestamp", "webhook", "content"})
_HASH_WORDS = frozenset({"hash", "hashed", "pbkdf2", "bcrypt", "scrypt", "argon2", "crypt"})
_SECRET_ARG_WORDS = frozenset({"password", "passwd", "pw", "pwd", "token", "secret", "key", "code", "otp", "pin"})
_DEPTH = 4


def _trailing_digits_stripped(words: list[str]) -> list[str]:
    while words and words[-1].isdigit():
        words = words[:-1]
    return words


def name_of(expr: ast.AST | None) -> str | None:
    """The name an operand stands for (see `operand_name`), also through digest methods."""
    return operand_name(expr, wrappers=_WRAPPERS)


# Every branch of `secret_kind` needs a secret head word (`words.holds_head_word`) or one of
# these in the lowercased name: each word of `split_words` is a piece of it.
_MARKERS = ("sig", "digest", "mac", "otp", "authorization", "hash", "code")


@memo(4096)
def _may_name_secret(name: str) -> bool:
    """False when `secret_kind` without ``aisec-secret-names`` is surely None for `name` (most
    compared names): a few substring tests, no split. Memoised."""
    if holds_head_word(name):
        return True
    low = name.lower()
    for marker in _MARKERS:
        if marker in low:
            return True
    return False


def secret_kind(name: str | None, ctx: FileContext) -> str | None:
    """What secret a name denotes for timing purposes, or None. Plaintext passwords are
    AIS205's (None here); password *hashes* are secrets."""
    if not name or not (_may_name_secret(name) or ctx.settings.secret_names):
        return None
    words = _trailing_digits_stripped(split_words(name))
    if not words:
        return None
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if last in _METADATA:
        return None
    if last == "token" and prev in ("csrf", "xsrf"):
        return "CSRF token"
    if last == "sig" and prev in _SIG_QUALIFIERS:
        return "signature"
    if last in _HEADS:
        return _HEADS[last]
    if last in ("hash", "hashed") and _HASH_QUALIFIERS.intersection(words[:-1]):
        return f"{'password' if {'password', 'passwd', 'pw', 'pwd', 'pass'} & set(words) else 'secret'} hash"
    if last == "code" and prev in _CODE_QUALIFIERS:
        return f"{prev} code"
    if last == "mac" and prev in ("hmac", "message", "auth", "signature"):
        return "MAC"
    if {"hashed", "salted", "encrypted"} & set(words[:-1]) and last in ("password", "passwd", "pw", "pwd"):
        return "password hash"
    extra = ctx.settings.secret_names
    joined = "_".join(words)
    kind = secret_name_kind(joined, extra) if extra else secret_name_kind(joined)
    if kind is None or kind == "password" or ctx.settings.ignored_name(name):
        return None
    return kind


def _digest_call(ctx: FileContext, call: ast.Call, depth: int) -> str | None:
    """A description when a call computes a secret-bearing digest."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _DIGEST_WRAPPERS and not call.args:
        inner = func.value
        if isinstance(inner, ast.Call):
            return _digest_call(ctx, inner, depth + 1)
        if isinstance(inner, ast.Name):
            return computed(ctx, inner, depth + 1)
        return None
    name = ctx.call_name(call)
    if name in _HMAC_CALLS:
        return "HMAC digest"
    if name in _KDF_CALLS:
        return "password hash"
    if name in _PASS_CALLS and call.args:
        return computed(ctx, call.args[0], depth + 1)
    if name and name.startswith("hashlib."):
        return "secret digest" if _mentions_secret(call, ctx) else None
    if name and name.startswith("builtins."):
        return None
    callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    words = set(split_words(callee))
    if words & {"hmac", "mac"}:
        return f"result of {callee}()"
    # sign(x) is often arithmetic and signature(f) introspection: the call must also name or
    # take a secret or a message.
    signs = bool(words & _SIGN_WORDS)
    if (signs or words & _HASH_WORDS) and (
        words & _SECRET_ARG_WORDS or _mentions_secret(call, ctx) or (signs and _mentions_message(call))
    ):
        return f"result of {callee}()"
    return None


def _mentions_message(call: ast.Call) -> bool:
    """``sign(payload)``, ``compute_signature(request.body)``: a signed message."""
    for arg in [*call.args, *(k.value for k in call.keywords)]:
        for node in ast.walk(arg):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if name and set(split_words(name)) & _MESSAGE_WORDS:
                return True
    return False


def _mentions_secret(call: ast.Call, ctx: FileContext) -> bool:
    for arg in [*call.args, *(k.value for k in call.keywords)]:
        for node in ast.walk(arg):
            name = name_of(node) if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) else None
            if name and (secret_kind(name, ctx) or set(split_words(name)) & {"password", "passwd", "pw", "pwd", "secret", "token"}):
                return True
    return False


def computed(ctx: FileContext, expr: ast.AST, depth: int = 0) -> str | None:
    """A description when `expr` is (a name bound to) a computed digest or signature."""
    if depth > _DEPTH:
        return None
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return computed(ctx, value, depth + 1) if value is not None else None
    if isinstance(expr, ast.Call):
        return _digest_call(ctx, expr, depth)
    if isinstance(expr, ast.JoinedStr):
        for part in expr.values:
            if isinstance(part, ast.FormattedValue):
                found = computed(ctx, part.value, depth + 1)
                if found:
                    return found
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return computed(ctx, expr.left, depth + 1) or computed(ctx, expr.right, depth + 1)
    return None


def _trivial(ctx: FileContext, expr: ast.AST) -> bool:
    """Constants (literals, ``len(x)``, names bound to literals, ``self.X`` where the class
    body binds ``X`` to a literal) and ``None``: not a secret compared with a secret."""
    if ctx.is_constant(expr):
        return True
    if _imported_constant(ctx, expr):
        return True
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls"):
        cls = ctx.enclosing_class(expr)
        for stmt in cls.body if cls is not None else ():
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == expr.attr for t in stmt.targets):
                return isinstance(stmt.value, ast.Constant)
    return False


def _imported_constant(ctx: FileContext, expr: ast.AST) -> bool:
    """An upper-case name imported from another module whose name is no secret
    (``LITELLM_PROXY_MASTER_KEY_ALIAS``, ``PTU_SENTINEL_API_KEY``) or names a placeholder
    (``CHANGE_ME_SECRET_KEY``, ``DEFAULT_SECRET_KEY``: `_placeholder_name`): a label or
    sentinel that is in the source for anyone to read, so the timing of a comparison with it
    reveals nothing. An imported ``API_KEY`` stays a secret."""
    if not isinstance(expr, ast.Name) or not expr.id.isupper():
        return False
    found = ctx.lookup(expr.id, expr)
    return found is not None and found[0] == "import" and (secret_kind(expr.id, ctx) is None or _placeholder_name(expr.id))


# Words that make an upper-case constant's name a placeholder to be replaced, not a secret:
# ``CHANGE_ME_SECRET_KEY``, ``DEFAULT_SECRET_KEY``, ``PLACEHOLDER_TOKEN``, ``EXAMPLE_API_KEY``.
_PLACEHOLDER_WORDS = frozenset({"changeme", "default", "placeholder", "example", "sentinel", "dummy"})


def _placeholder_name(name: str) -> bool:
    """``CHANGE_ME_SECRET_KEY``, ``DEFAULT_SECRET_KEY``: the name of a placeholder value that a
    startup check compares the configured secret with (it is public: the comparison says
    only whether the operator replaced it)."""
    words = split_words(name)
    return bool(_PLACEHOLDER_WORDS.intersection(words)) or any(
        a == "change" and b == "me" for a, b in zip(words, words[1:])
    )


def _server_made(ctx: FileContext, expr: ast.AST) -> bool:
    """A value the server has just made or cached: a name bound to the result of a call to a
    function named for making one (``api_token = self.new_api_token()``,
    ``secret = gen.generate_secret(...)``), or a value read from a cache (``cached =
    cache.get(key)``; ``cached["access_token"]``, ``cached.get("access_token")``,
    ``cached.code_hash``)."""
    base = expr
    if isinstance(base, (ast.Subscript, ast.Attribute)):
        base = base.value
    elif isinstance(base, ast.Call) and isinstance(base.func, ast.Attribute) and base.func.attr == "get":
        base = base.func.value
    if not isinstance(base, ast.Name):
        return False
    value = ctx.reaching_value(base)
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    if isinstance(func, ast.Attribute) and func.attr in ("get", "get_many"):
        receiver = func.value
        while isinstance(receiver, (ast.Attribute, ast.Subscript, ast.Call)):
            if isinstance(receiver, ast.Attribute) and "cache" in split_words(receiver.attr):
                return True
            receiver = receiver.func if isinstance(receiver, ast.Call) else receiver.value
        return isinstance(receiver, ast.Name) and "cache" in split_words(receiver.id)
    if base is not expr:
        return False
    callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return names_making(callee) and computed(ctx, value) is None


def _change_detection(ctx: FileContext, pair: tuple) -> bool:
    """Two server-held values of one field compared to see whether it changed:
    ``position.secret != secret`` after ``secret = gen.generate_secret(...)``,
    ``spawner.api_token != api_token`` after ``api_token = self.new_api_token()``,
    ``cached["access_token"] != self._token.access_token`` after ``cached = cache.get(k)``.
    Both operands name the same field, one is `_server_made`, neither is request data and
    neither is a computed digest: no guess is timed against a secret."""
    first, second = (name_of(side) for side in pair)
    if not first or not second or first.lstrip("_") != second.lstrip("_"):
        return False
    if not any(_server_made(ctx, side) for side in pair):
        return False
    if any(computed(ctx, side) for side in pair):
        return False
    return not any(lab.kind == "source" for side in pair for lab in ctx.taint.of(side))


def _hands_out_stored(ctx: FileContext, node: ast.Compare, op: ast.cmpop, pair: tuple) -> bool:
    """The comparison is an ``if`` test whose mismatch branch returns the stored operand:
    ``if chart.digest != digest: return redirect(url_for(..., digest=chart.digest))``. A value
    the server hands to whoever asks is a cache key, not a secret. The stored operand is an
    attribute or item that holds neither request data nor a parameter."""
    stmt = ctx.parent(node)
    if not isinstance(stmt, ast.If) or stmt.test is not node:
        return False
    branch = stmt.body if isinstance(op, ast.NotEq) else stmt.orelse
    wanted = [
        ast.dump(side)
        for side in pair
        if isinstance(side, (ast.Attribute, ast.Subscript)) and not ctx.taint.of(side)
    ]
    if not wanted:
        return False
    for statement in branch:
        for inner in ast.walk(statement):
            if isinstance(inner, ast.Return) and inner.value is not None:
                if any(ast.dump(part) in wanted for part in ast.walk(inner.value) if isinstance(part, (ast.Attribute, ast.Subscript))):
                    return True
    return False


def _origin(ctx: FileContext, expr: ast.AST) -> str | None:
    """The variable a value is computed from by str methods and codecs: ``token`` for
    ``token``, for ``body`` after ``body = token.removeprefix(PREFIX)``, and for
    ``base64.urlsafe_b64encode(raw).decode()`` after ``raw = base64.b64decode(token)`` (a
    canonical-encoding round trip). A module (``hashlib`` of ``hashlib.sha256(x)``) is no
    origin."""
    for _ in range(4):
        while isinstance(expr, ast.Call):
            if expr.args and ctx.call_name(expr) in _PASS_CALLS:
                expr = expr.args[0]
            elif isinstance(expr.func, ast.Attribute):
                expr = expr.func.value
            else:
                break
        if not isinstance(expr, ast.Name):
            return None
        found = ctx.lookup(expr.id, expr)
        if found is not None and found[0] == "import":
            return None
        value = ctx.reaching_value(expr)
        if value is None or not isinstance(value, ast.Call):
            return expr.id
        expr = value
    return None


def _same_origin(ctx: FileContext, a: ast.AST, b: ast.AST) -> bool:
    """Both sides computed from one variable (``token.removeprefix(P) == token``: did the
    prefix come off?): no guess is compared with a secret."""
    first = _origin(ctx, a)
    return first is not None and first == _origin(ctx, b)


def _metadata(expr: ast.AST) -> bool:
    name = name_of(expr)
    if not name:
        return False
    words = _trailing_digits_stripped(split_words(name))
    return bool(words) and words[-1] in _METADATA


def _orm_column(expr: ast.AST) -> bool:
    """``Token.value``: a class attribute, in SQLAlchemy an SQL expression, not a value."""
    return (
        isinstance(expr, ast.Attribute)
        and isinstance(expr.value, ast.Name)
        and expr.value.id[:1].isupper()
        and not expr.value.id.isupper()
    )


def _inside_call_or_eq(ctx: FileContext, node: ast.AST) -> bool:
    """Inside a call's arguments (``query.filter(Token.value == token)``) or an ``__eq__``."""
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.Call):
            return True
        if isinstance(anc, (ast.Lambda, ast.stmt)):
            break
    func = ctx.enclosing_function(node)
    return func is not None and func.name in ("__eq__", "__ne__")


def _describe(ctx: FileContext, expr: ast.AST) -> tuple[str | None, bool]:
    """``(description, computed)`` of a secret-bearing operand, or ``(None, False)``."""
    found = computed(ctx, expr)
    if found:
        label = name_of(expr)
        return (f"{found[:1].upper()}{found[1:]}" + (f" '{label}'" if isinstance(expr, ast.Name) else ""), True)
    name = name_of(expr)
    kind = secret_kind(name, ctx)
    if kind:
        return f"{kind[:1].upper()}{kind[1:]} '{name}'", False
    return None, False


def _ambiguous(description: str | None) -> bool:
    return bool(description) and description.split(" '", 1)[0].lower() in _AMBIGUOUS


def _security_context(ctx: FileContext, pair: tuple) -> bool:
    """Web or security code, or a value from the request: there a token is a credential."""
    if ctx.imports_any(_SECURITY_MODULES):
        return True
    return any(lab.kind == "source" for side in pair for lab in ctx.taint.of(side))


# Keys and attributes named after an unkeyed hash: the value is a content digest
# (``source.get("sha256")``, ``blob.etag``), public like the content it fingerprints.
_CONTENT_HASH_NAMES = frozenset(
    {"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3", "blake2b", "blake2s", "etag", "checksum", "crc32"}
)


def _content_digest(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """An unkeyed digest of data that holds no secret: ``hashlib.sha256(body).hexdigest()``,
    a same-module helper that returns one (``_body_digest(body)``, through helpers up to
    `_DEPTH` deep) or that handles no key (`_keyless`) and returns a call named for a digest
    (``return canonical_json_digest(normalized)``), or a key or attribute named after an unkeyed hash (``source.get("sha256")``,
    ``obj.etag``). Such a digest fingerprints content; it authenticates nothing, so its
    timing reveals no secret. Keyed digests (``hmac.new``), KDFs and hashes of a
    secret-named value (``hashlib.sha256(token.encode())``, `_mentions_secret`) are not
    content digests, nor is a hash object fed with ``update()`` (its input is not visible
    in the call)."""
    if depth > _DEPTH:
        return False
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)  # request_digest = _request_digest(body)
        return value is not None and _content_digest(ctx, value, depth + 1)
    key = expr.slice if isinstance(expr, ast.Subscript) else None
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get" and expr.args:
        key = expr.args[0]
    if key is not None and isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value.lower() in _CONTENT_HASH_NAMES
    if isinstance(expr, ast.Attribute) and expr.attr.lower() in _CONTENT_HASH_NAMES:
        return True
    if not isinstance(expr, ast.Call):
        return False
    func = expr.func
    if isinstance(func, ast.Attribute) and func.attr in _DIGEST_WRAPPERS and not expr.args:
        return isinstance(func.value, ast.Call) and _content_digest(ctx, func.value, depth + 1)
    name = ctx.call_name(expr) or ""
    if name.startswith("hashlib."):
        data = expr.args[1:] if name == "hashlib.new" else expr.args
        return name not in _KDF_CALLS and bool(data) and not _mentions_secret(expr, ctx)
    local = ctx.taint.local_function(func)
    if local is None or _mentions_secret(expr, ctx):
        return False
    returned = [node.value for node in ast.walk(local) if isinstance(node, ast.Return) and node.value is not None]
    return bool(returned) and (
        all(_content_digest(ctx, value, depth + 1) for value in returned)
        or (_keyless(ctx, local) and all(_digest_named_call(value) for value in returned))
    )


# Words of a callee named for an unkeyed digest of content (``canonical_json_digest``).
_CONTENT_DIGEST_WORDS = frozenset({"digest", "hash", "fingerprint", "checksum"}) | _CONTENT_HASH_NAMES


def _digest_named_call(expr: ast.AST) -> bool:
    """A call of a function named for a digest and for nothing that signs:
    ``canonical_json_digest(normalized)``, not ``sign_digest(...)`` / ``hmac_digest(...)``."""
    if not isinstance(expr, ast.Call):
        return False
    func = expr.func
    callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    words = set(split_words(callee))
    return bool(words & _CONTENT_DIGEST_WORDS) and not words & (_SIGN_WORDS - {"digest"}) and not words & _SECRET_ARG_WORDS


def _keyless(ctx: FileContext, func: ast.AST) -> bool:
    """A helper of the module that handles no key: no ``hmac`` call, no callee named for
    signing, and no name, attribute or item that names a secret (`_mentions_secret`'s words)
    anywhere in its body. What it digests can only be the content it is given."""
    callees: set = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Call):
            callees.add(id(node.func))
            if ctx.call_name(node) in _HMAC_CALLS | _KDF_CALLS or _mentions_secret(node, ctx):
                return False
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id if isinstance(node.func, ast.Name) else ""
            if set(split_words(callee)) & (_SIGN_WORDS - {"digest"}):
                return False
        elif isinstance(node, (ast.Name, ast.Attribute)) and id(node) not in callees:
            name = name_of(node)
            if name and (secret_kind(name, ctx) or set(split_words(name)) & {"password", "passwd", "pw", "pwd", "secret", "token", "key"}):
                return False
    return True


def _content_check(ctx: FileContext, pair: tuple) -> bool:
    """One operand is a `_content_digest` and the other is no computed (keyed) digest: an
    integrity or change check of content, not a check of a secret."""
    found = False
    for side in pair:
        if _content_digest(ctx, side):
            found = True
        elif computed(ctx, side):
            return False
    return found


def _in_filter(ctx: FileContext, node: ast.AST) -> bool:
    """The comparison is (part of) the ``if`` of a comprehension: ``[k for k in keys if
    k.token != hashed_key]`` selects items, like an ORM filter, and decides no access."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.comprehension):
            return child in anc.ifs
        if isinstance(anc, ast.stmt):
            return False
        child = anc
    return False


# Words of a function's name that make it an authentication step, where a comparison checks
# a caller's credential whatever the operands are called (``verify_legacy``,
# ``check_api_key``, ``decode_context_token``, ``require_admin``).
_AUTH_WORDS = frozenset(
    {
        "auth", "authenticate", "authentication", "authenticated", "authorize", "authorization",
        "authorized", "login", "logon", "signin", "verify", "verified", "verification", "check",
        "checks", "valid", "validate", "validation", "validated", "decode", "unsign", "sign",
        "signed", "open", "loads", "require", "required", "requires", "permission",
        "permissions", "allowed", "allow", "access", "match", "matches", "compare", "confirm",
        "accept", "guard", "protect", "admin",
    }
)
# Method names of request handlers (Django, Tornado and aiohttp views; ``__call__`` of a
# middleware or an authentication object).
_HANDLER_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "dispatch", "__call__", "handle"})
# Last words of a class name that make its methods authentication code (``TokenAuth``,
# ``ApiKeyAuthentication``, ``LoginHandler``, ``OrderView``).
_AUTH_CLASS_WORDS = frozenset(
    {"auth", "authentication", "authenticator", "backend", "permission", "middleware", "handler", "view", "viewset", "resource", "guard", "login"}
)
# Parameters through which a function receives the request: by name, by annotation (last
# word), or as a FastAPI-injected default (``x_api_key: str = Header(...)``).
_REQUEST_PARAMS = frozenset({"request", "req", "handler", "websocket", "ws", "scope", "environ", "event"})
_REQUEST_TYPES = ("Request", "RequestHandler", "WebSocket", "Handler")
_INJECTED = frozenset({"Header", "Query", "Cookie", "Body", "Form", "Depends", "Security", "Path", "File"})
# Words of a receiver or callee that name a configured secret's store (``settings.API_KEY``,
# ``current_app.config[...]``, ``os.getenv(...)``, ``keyring.get_password(...)``).
_STORE_WORDS = frozenset({"settings", "config", "conf", "cfg", "environ", "env", "getenv", "secrets", "secret", "vault", "keyring"})


def _takes_request(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """`func` receives the request: a parameter named or annotated as one, or a default that
    a web framework injects from it."""
    args = func.args
    for param in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        if param.arg in _REQUEST_PARAMS:
            return True
        ann = param.annotation
        label = ann.id if isinstance(ann, ast.Name) else ann.attr if isinstance(ann, ast.Attribute) else ""
        if label.endswith(_REQUEST_TYPES):
            return True
    for default in (*args.defaults, *args.kw_defaults):
        if isinstance(default, ast.Call):
            callee = default.func
            label = callee.id if isinstance(callee, ast.Name) else callee.attr if isinstance(callee, ast.Attribute) else ""
            if label in _INJECTED:
                return True
    return False


def _configured(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """A configured secret: read from the environment, a settings or config object, a secret
    store (``os.getenv(...)``, ``settings.API_KEY``, ``app.config["KEY"]``,
    ``keyring.get_password(...)``), an upper-case constant, or a name bound to one of these.
    Of the attribute read itself only the last word counts (``self.app_config``, not
    ``binding.config_digest``)."""
    if depth > 3:
        return False
    if isinstance(expr, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and _configured(ctx, v.value, depth + 1) for v in expr.values)
    if isinstance(expr, ast.BinOp):
        return _configured(ctx, expr.left, depth + 1) or _configured(ctx, expr.right, depth + 1)
    if isinstance(expr, ast.Name):
        if expr.id.isupper():
            return True
        value = ctx.reaching_value(expr)
        return value is not None and _configured(ctx, value, depth + 1)
    node = expr
    while isinstance(node, (ast.Call, ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Call):
            node = node.func
            continue
        if isinstance(node, ast.Attribute):
            words = split_words(node.attr)
            if node is expr:
                # The value's own name: its head noun, the last word, says what it is
                # (``config_digest`` is a digest of a configuration, kept on a record).
                words = words[-1:]
            if node.attr.isupper() or _STORE_WORDS.intersection(words):
                return True
        node = node.value
    return isinstance(node, ast.Name) and bool(_STORE_WORDS.intersection(split_words(node.id)))


def _param_names(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = func.args
    return {p.arg for p in (*args.posonlyargs, *args.args, *args.kwonlyargs)} - {"self", "cls"}


def _stored_against_passed(ctx: FileContext, params: set[str], pair: tuple) -> bool:
    """A loaded record's secret compared with a value the caller passed in
    (``chart = load_chart(pk); chart.digest != digest``): the shape of a helper that verifies
    a credential for its caller."""
    for passed, stored in (pair, pair[::-1]):
        if not (isinstance(passed, ast.Name) and passed.id in params and isinstance(stored, (ast.Attribute, ast.Subscript))):
            continue
        root = stored
        while isinstance(root, (ast.Attribute, ast.Subscript)):
            root = root.value
        if isinstance(root, ast.Name) and root.id not in params and root.id not in ("self", "cls"):
            return True
    return False


def _server_held(ctx: FileContext, node: ast.Compare, pair: tuple) -> bool:
    """Both operands are the server's own values: bookkeeping, change detection or list
    filtering (``previous_master_key == master_key`` at boot, ``current_session.token !=
    session.token`` after a refresh lock). All of these hold:

    - the comparison is in a function that is not a route, takes no request (`_takes_request`)
      and whose name, or its class's, has no authentication word (`_AUTH_WORDS`);
    - neither operand is request data, also through this module's callers
      (`TaintAnalysis.judge`), nor a computed digest, nor a configured secret (`_configured`);
    - it is not a loaded record's secret against a value passed in (`_stored_against_passed`).

    A guess would have to come in through the request or a caller that passes one; the
    callers in other modules are unseen, so the finding is lowered, not dropped."""
    func = ctx.enclosing_function(node)
    if func is None or _takes_request(func) or ctx.taint.route_kind(func) or may_route_web(func):
        return False
    if func.name in _HANDLER_METHODS or _AUTH_WORDS.intersection(split_words(func.name)):
        return False
    cls = ctx.enclosing_class(func)
    if cls is not None:
        words = split_words(cls.name)
        if words and words[-1] in _AUTH_CLASS_WORDS:
            return False
    for side in pair:
        if computed(ctx, side) or _configured(ctx, side):
            return False
    if _stored_against_passed(ctx, _param_names(func), pair):
        return False
    return not any(ctx.taint.judge(side, "timing")[0] == "source" for side in pair)


def _verified_on_mismatch(ctx: FileContext, node: ast.Compare, op: ast.cmpop, pair: tuple) -> bool:
    """The comparison is an ``if`` test, or an operand of its ``and``, and the branch run on a
    mismatch (the body for ``!=``, the ``else`` for ``==``) passes an operand, a plain name, to
    a call named for authentication (`_AUTH_WORDS`): ``if external_token and external_token
    != token: user = await self._authenticate_with_external_token(external_token, db)``. Both
    operands are plain names, neither a computed digest nor a configured secret. The
    comparison only tells two credentials the caller presented apart (try the second one if
    it differs); the call checks the credential, and a match grants nothing."""
    stmt = ctx.parent(node)
    if isinstance(stmt, ast.BoolOp) and isinstance(stmt.op, ast.And) and isinstance(op, ast.NotEq):
        stmt = ctx.parent(stmt)
    if not isinstance(stmt, ast.If) or not any(sub is node for sub in ast.walk(stmt.test)):
        return False
    if not all(isinstance(side, ast.Name) for side in pair):
        return False
    if any(computed(ctx, side) or _configured(ctx, side) for side in pair):
        return False
    names = {side.id for side in pair}
    branch = stmt.body if isinstance(op, ast.NotEq) else stmt.orelse
    for statement in branch:
        for call in ast.walk(statement):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if _AUTH_WORDS.intersection(split_words(callee)) and any(
                isinstance(arg, ast.Name) and arg.id in names for arg in (*call.args, *(k.value for k in call.keywords))
            ):
                return True
    return False


def _configured_pair(ctx: FileContext, node: ast.Compare, pair: tuple) -> bool:
    """Both operands are configured secrets (`_configured`: the environment, settings, a
    secret store) in a function that is no route and takes no request, and neither is
    request data: a startup check that two settings differ (``admin_secret ==
    phoenix_secret.get_secret_value()`` after ``admin_secret = getenv(...)``), where nobody
    times a guess. Callers in other modules are unseen, so it is lowered, not dropped."""
    func = ctx.enclosing_function(node)
    if func is None or _takes_request(func) or ctx.taint.route_kind(func) or may_route_web(func):
        return False
    if not all(_configured(ctx, side) for side in pair):
        return False
    return not any(ctx.taint.judge(side, "timing")[0] == "source" for side in pair)


def _command_argument(ctx: FileContext, node: ast.Compare, pair: tuple) -> bool:
    """One side is an argument of the command-line command that holds the comparison
    (`frameworks.cli_command`: ``if env_api_key != key`` in ``@app.command() def login(key:
    str)``, prefect's ``cloud login``): the user who runs the command compares a key they
    typed with one of their own environment; no remote party times it."""
    func = cli_command(ctx, node)
    if func is None or ctx.taint.route_kind(func) or may_route_web(func):
        return False
    params = _param_names(func)
    return any(isinstance(side, ast.Name) and side.id in params for side in pair)


_CONSTANT, _EQ, _NOT_EQ = ast.Constant, ast.Eq, ast.NotEq


@on(ast.Compare)
def check_compare(node: ast.Compare, ctx: FileContext) -> Iterator[Hit]:
    left = node.left
    for op, right in zip(node.ops, node.comparators):
        first = left
        left = right
        kind = type(op)
        if kind is not _EQ and kind is not _NOT_EQ:
            continue
        if type(first) is _CONSTANT or type(right) is _CONSTANT:
            continue  # a literal side is `_trivial`: the commonest skip, without `_describe`
        # Both tests only skip the pair: the cheaper one (names, no constant analysis) first.
        described = (_describe(ctx, first), _describe(ctx, right))
        if not described[0][0] and not described[1][0]:
            continue
        pair = (first, right)
        secret = [d for d in described if d[0]]
        if any(_trivial(ctx, side) or _orm_column(side) or _metadata(side) for side in pair):
            continue
        if _same_origin(ctx, first, right):
            continue
        if all(not is_computed and _ambiguous(d) for d, is_computed in secret) and not _security_context(ctx, pair):
            continue
        if _inside_call_or_eq(ctx, node):
            return
        if isinstance(ctx.statement_of(node), ast.Assert) and ctx.settings.is_test_path(ctx.filename):
            return
        if _hands_out_stored(ctx, node, op, pair):
            continue
        strong = len(secret) == 2 or any(is_computed for _d, is_computed in secret)
        confidence = Confidence.HIGH if strong else Confidence.MEDIUM
        if (
            ctx.settings.is_test_path(ctx.filename)
            or _change_detection(ctx, pair)
            or _in_filter(ctx, node)
            or _content_check(ctx, pair)
            or _server_held(ctx, node, pair)
            or _configured_pair(ctx, node, pair)
            or replaced_on_change(ctx, node, op, pair)
            or _verified_on_mismatch(ctx, node, op, pair)
            or _command_argument(ctx, node, pair)
        ):
            confidence = Confidence.LOW
        label = next((d for d, is_computed in secret if is_computed), secret[0][0])
        yield hit(node, label, "==" if isinstance(op, ast.Eq) else "!=", confidence=confidence)
        return
