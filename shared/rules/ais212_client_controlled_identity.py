"""AIS212 client-controlled-identity: who the user is, or what they may do, taken from the client.

## What it does
Flags identity and privilege values that the client chooses and the server then trusts:

- a session key naming the user or a privilege (``user``, ``user_id``, ``uid``,
  ``username``, ``account_id``, ``tenant``, ``role``, ``roles``, ``is_admin``,
  ``permissions``, ...) written from request data (``session["user_id"] =
  request.args["uid"]``, also through ``int()`` and local names) in Flask, Quart, Django
  and Starlette, unless the function checks a password, one-time code or token first, or the
  handler is restricted to administrators (impersonation);
- ``login_user(...)`` (Flask-Login) and Django ``login(request, ...)`` of a user looked up by
  a request value, with no password or token check in the function;
- a decision (``if``, ``while``, ``assert``, a conditional expression, or a comparison whose
  result is tested) on a role or admin flag read from a cookie or header
  (``request.cookies.get("is_admin") == "true"``, ``request.headers.get("X-User-Role") ==
  "admin"``, FastAPI ``Header()`` / ``Cookie()`` parameters such as ``x_admin``), on an admin
  flag from the query string or form (``request.args.get("admin") == "1"``), or on a claim
  of a JWT whose signature is not verified (``jwt.decode(token, options={"verify_signature":
  False})["role"]``, ``jose.jwt.get_unverified_claims(token)["is_admin"]``, a function of
  the module returning such a claim, or one whose name says so: ``peek_role(token)``).

The finding points at the client value. On a session write it replaces the broader
trust-boundary-violation (AIS415) finding on the same value.

## Why is this bad?
Cookies, headers, query strings, form fields and unverified token claims are all written by
the client. Code that takes the user id or the role from them lets anyone become any user
(``?uid=1``) or an administrator (``Cookie: is_admin=true``, ``X-User-Role: admin``).

## Example
```python
from flask import Flask, abort, request

app = Flask(__name__)

@app.post("/admin/refunds")
def refund():
    if request.headers.get("X-User-Role") != "admin":
        abort(403)
    return "refunded"
```

## Use instead
```python
from flask import Flask, abort
from flask_login import current_user, login_required

app = Flask(__name__)

@app.post("/admin/refunds")
@login_required
def refund():
    if not current_user.is_admin:
        abort(403)
    return "refunded"
```

## Known problems
Values that an upstream gateway sets and strips from client requests (``X-User-Role`` behind
an authenticating proxy) are reported; suppress the line and document the proxy. A role read
from the query string or form is not reported (it is usually a filter or the role of the user
being edited), only admin flags are. Identity cookies compared with non-constant values
(``request.cookies["uid"] == str(owner_id)``) are not reported.

## Options
None beyond ``aisec-min-confidence``; ``aisec-extra-sources`` teaches the engine your own
input readers.

## References
- [CWE-807: Reliance on Untrusted Inputs in a Security Decision](https://cwe.mitre.org/data/definitions/807.html)
- [CWE-565: Reliance on Cookies without Validation and Integrity Checking](https://cwe.mitre.org/data/definitions/565.html)
- [CWE-639: Authorization Bypass Through User-Controlled Key](https://cwe.mitre.org/data/definitions/639.html)
- [OWASP Authorization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
- [OWASP Session Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html)
- [PyJWT: Reading the claimset without validation](https://pyjwt.readthedocs.io/en/stable/usage.html#reading-the-claimset-without-validation)
"""

from __future__ import annotations

import ast
import os
import re
from typing import Iterable, Iterator

from ..memo import memo
from ..analysis.auth import handler_of, protection
from ..analysis.frameworks import REQUEST_NAMES, SESSION_QUALNAMES
from ..analysis.taint import identifier_text, identifier_view, mentions_session, nodes_spelling, own_nodes, word_lines
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import LazyPattern, lazy_compile, rarity

# ---- names that carry identity or privilege ------------------------------------------------

# Words naming whose account it is (the subject) and the field that identifies it (the head).
_SUBJECTS = frozenset(
    {
        "user", "uid", "userid", "username", "account", "tenant", "member", "customer", "principal",
        "owner", "org", "organization", "login",
    }
)
_HEADS = _SUBJECTS | frozenset({"id", "pk", "name"})
# Words naming a privilege: roles, admin flags, permissions.
_PRIVILEGES = frozenset(
    {
        "role", "roles", "admin", "administrator", "superuser", "superadmin", "staff", "moderator",
        "permission", "permissions", "perms", "privilege", "privileges", "sudo", "acl",
    }
)
# Flags (a yes/no privilege), as opposed to role names a filter may also use.
_FLAG_HEADS = frozenset({"admin", "administrator", "superuser", "superadmin", "staff", "moderator", "sudo"})
_FLAG_PREFIXES = frozenset({"is", "has", "can", "as"})
# A key naming a credential is authentication data, not a claim of identity: X-Admin-Token.
_CREDENTIAL_WORDS = frozenset(
    {
        "token", "key", "apikey", "secret", "password", "passwd", "pwd", "signature", "sig", "hmac",
        "digest", "otp", "hash", "nonce", "csrf", "xsrf", "code", "authorization",
    }
)
_NOT_CURRENT = frozenset(
    {"last", "next", "prev", "previous", "first", "new", "target", "invited", "default", "preferred"}
)
# JWT claims naming the subject or its grants (RFC 7519 sub; RFC 8693 scope).
_CLAIM_KEYS = frozenset({"sub", "scope", "scopes", "scp", "groups", "tid", "oid"})
# Function names that say they read a token without verifying it (peek_role, unverified_claims).
_UNVERIFIED_WORDS = frozenset({"peek", "unverified", "unsafe", "insecure", "noverify", "unchecked"})

# Request containers and what they hold. Flask: https://flask.palletsprojects.com/en/stable/api/#flask.Request
# Django: https://docs.djangoproject.com/en/stable/ref/request-response/#attributes
# Starlette: https://www.starlette.io/requests/
_CONTAINERS = {
    "cookies": "cookie", "COOKIES": "cookie", "headers": "header", "META": "header",
    "args": "param", "form": "param", "values": "param", "json": "param", "GET": "param",
    "POST": "param", "data": "param", "query_params": "param", "get_json": "param", "query": "param",
}
_GETTERS = frozenset({"get", "getlist", "getone", "pop"})
_STR_METHODS = frozenset({"lower", "upper", "strip", "casefold", "title", "lstrip", "rstrip"})
_CASTS = frozenset({"builtins.int", "builtins.str", "builtins.bool", "builtins.float", "uuid.UUID"})
# FastAPI parameter kinds: https://fastapi.tiangolo.com/tutorial/header-params/
_FASTAPI_PARAMS = {"Header": "header", "Cookie": "cookie", "Query": "param", "Form": "param", "Body": "param"}
# PyJWT / python-jose: reading claims without checking the signature.
_UNVERIFIED_CALLS = frozenset({"jose.jwt.get_unverified_claims", "jwt.get_unverified_claims"})
_DECODE_CALLS = frozenset({"jwt.decode", "jose.jwt.decode", "jwt.api_jwt.decode"})
# Flask-Login and Django: https://flask-login.readthedocs.io/en/latest/#flask_login.login_user
# https://docs.djangoproject.com/en/stable/topics/auth/default/#django.contrib.auth.login
_LOGIN_CALLS = {"flask_login.login_user": 0, "flask_login.utils.login_user": 0, "django.contrib.auth.login": 1}
# Calls that verify a credential before the identity is trusted.
_VERIFY_VERBS = frozenset({"check", "verify", "authenticate", "checkpw", "compare", "validate", "confirm"})
_VERIFY_OBJECTS = frozenset(
    {
        "password", "passwd", "pw", "pwd", "hash", "otp", "totp", "token", "signature", "credentials",
        "digest", "code", "pin", "login",
    }
)
_VERIFY_NAMES = frozenset(
    {"authenticate", "checkpw", "compare_digest", "verify", "check_password", "check_password_hash", "verify_password", "loads"}
)
# Calls that look a user up (SQLAlchemy, Django ORM, PyMongo, helpers).
_LOOKUPS = frozenset(
    {
        "get", "get_or_404", "first", "first_or_404", "one", "one_or_none", "scalar", "scalar_one",
        "scalar_one_or_none", "filter", "filter_by", "where", "get_object_or_404", "find_one",
        "load_user", "get_user", "get_by_id", "find",
    }
)
_DEPTH = 6
_UNVERIFIED = "a token whose signature is not verified"


def key_kind(key: str | None) -> str | None:
    """``"identity"``, ``"privilege"``, ``"flag"`` (a privilege flag such as ``is_admin``) or
    None for a session key, cookie, header or claim name."""
    if not key:
        return None
    return _key_kind(key)


@memo(4096)
def _key_kind(key: str) -> str | None:
    words = split_words(key)
    if not words or set(words) & _CREDENTIAL_WORDS or words[0] in _NOT_CURRENT:
        return None
    if words[-1] in _FLAG_HEADS or (words[0] in _FLAG_PREFIXES and set(words) & _PRIVILEGES):
        return "flag"
    if words[-1] in _PRIVILEGES:
        return "privilege"
    if words[-1] == "name" and "user" not in words:
        return None  # org_name, customer_name: a display name, not an identity
    if words[-1] in _HEADS and set(words) & _SUBJECTS:
        return "identity"
    return None


# ---- where a value comes from --------------------------------------------------------------


def _peel(ctx: FileContext, expr: ast.AST, depth: int = 0) -> ast.AST:
    """Strip casts and string normalisation: ``int(x)``, ``x.lower()``, and names bound to them."""
    for _ in range(8):
        if isinstance(expr, ast.Call):
            if ctx.call_name(expr) in _CASTS and len(expr.args) == 1:
                expr = expr.args[0]
                continue
            if isinstance(expr.func, ast.Attribute) and expr.func.attr in _STR_METHODS and not expr.args:
                expr = expr.func.value
                continue
        if isinstance(expr, ast.Name) and depth < _DEPTH:
            value = ctx.reaching_value(expr)
            if isinstance(value, ast.Call) and value is not expr and _peel(ctx, value, depth + 1) is not value:
                expr = _peel(ctx, value, depth + 1)
                continue
        break
    return expr


def _container(ctx: FileContext, expr: ast.AST) -> str | None:
    """The kind of request container `expr` is: ``request.cookies`` -> "cookie"."""
    if isinstance(expr, ast.Call) and not expr.args and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get_json":
        expr = expr.func
    if not isinstance(expr, ast.Attribute) or expr.attr not in _CONTAINERS:
        return None
    base = expr.value
    qn = ctx.qualname(expr) or ""
    if qn.startswith(("flask.request.", "quart.request.")):
        return _CONTAINERS[expr.attr]
    if isinstance(base, ast.Name) and base.id in REQUEST_NAMES:
        return _CONTAINERS[expr.attr]
    if isinstance(base, ast.Attribute) and base.attr == "request":
        return _CONTAINERS[expr.attr]
    return None


def request_read(ctx: FileContext, expr: ast.AST) -> tuple[str, str] | None:
    """``(kind, key)`` when `expr` reads one named value from the request:
    ``request.cookies["role"]``, ``request.headers.get("X-User-Role")``, a FastAPI
    ``Header()`` parameter."""
    key_node = container = None
    if isinstance(expr, ast.Subscript):
        container, key_node = expr.value, expr.slice
    elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in _GETTERS and expr.args:
        container, key_node = expr.func.value, expr.args[0]
    if container is not None:
        kind = _container(ctx, container)
        key = ctx.const_str(key_node)
        if kind and key and ctx.taint.judge(expr, "session")[0] == "source":
            return kind, key
        return None
    if isinstance(expr, ast.Name):
        return _route_param(ctx, expr)
    return None


def _route_param(ctx: FileContext, name: ast.Name) -> tuple[str, str] | None:
    binds = ctx.bindings_of(name)
    if len(binds) != 1 or binds[0].kind != "param":
        return None
    func = ctx.scope_of(binds[0].target)
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or ctx.taint.route_kind(func) != "fastapi":
        return None
    if ctx.taint.judge(name, "session")[0] != "source":
        return None
    default = _param_default(func, name.id)
    kind, key = "param", name.id
    if isinstance(default, ast.Call):
        tail = (ctx.call_name(default) or "").rsplit(".", 1)[-1]
        if tail not in _FASTAPI_PARAMS:
            return None
        kind = _FASTAPI_PARAMS[tail]
        alias = next((k.value for k in default.keywords if k.arg == "alias"), None)
        key = ctx.const_str(alias) or key
    return kind, key


def _param_default(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> ast.AST | None:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    defaults = dict(zip([a.arg for a in positional[len(positional) - len(args.defaults):]], args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    value = defaults.get(name)
    if value is None:
        arg = next((a for a in [*positional, *args.kwonlyargs] if a.arg == name), None)
        ann = arg.annotation if arg is not None else None
        if isinstance(ann, ast.Subscript) and isinstance(ann.slice, ast.Tuple):  # Annotated[str, Header()]
            value = next((e for e in ann.slice.elts[1:] if isinstance(e, ast.Call)), None)
    return value


def _unverified_decode(ctx: FileContext, expr: ast.AST | None, depth: int = 0) -> bool:
    """The claims of a token read without checking its signature."""
    if expr is None or depth > _DEPTH:
        return False
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and value is not expr and _unverified_decode(ctx, value, depth + 1)
    if not isinstance(expr, ast.Call):
        return False
    name = ctx.call_name(expr) or ""
    if name in _UNVERIFIED_CALLS:
        return True
    if name in _DECODE_CALLS:
        for kw in expr.keywords:
            if kw.arg == "verify" and isinstance(kw.value, ast.Constant) and kw.value.value is False:
                return True
            if kw.arg == "options" and isinstance(kw.value, ast.Dict):
                for k, v in zip(kw.value.keys, kw.value.values):
                    if ctx.const_str(k) == "verify_signature" and isinstance(v, ast.Constant) and v.value is False:
                        return True
        return False
    callee = name.rsplit(".", 1)[-1] if name else getattr(expr.func, "attr", getattr(expr.func, "id", ""))
    words = set(split_words(callee))
    if words & _UNVERIFIED_WORDS and words & {"claims", "payload", "token", "jwt", "decode"}:
        return True
    return _local_returns(ctx, expr, lambda e: _unverified_decode(ctx, e, depth + 1))


def _local_returns(ctx: FileContext, call: ast.Call, test) -> bool:
    """A same-module function whose every returned value passes `test`."""
    func = ctx.taint.local_function(call.func)
    if func is None:
        return False
    values = [n.value for n in own_nodes(func) if isinstance(n, ast.Return) and n.value is not None]
    return bool(values) and all(test(v) for v in values)


def _claim(ctx: FileContext, expr: ast.AST) -> str | None:
    """The claim key of ``claims["role"]`` / ``claims.get("role")`` on unverified claims."""
    if isinstance(expr, ast.Subscript):
        base, key = expr.value, ctx.const_str(expr.slice)
    elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get" and expr.args:
        base, key = expr.func.value, ctx.const_str(expr.args[0])
    else:
        return None
    if key and (key in _CLAIM_KEYS or key_kind(key)) and _unverified_decode(ctx, base):
        return key
    return None


def client_privilege(ctx: FileContext, expr: ast.AST, depth: int = 0) -> tuple[str, str] | None:
    """``(what, origin)`` when `expr` is an identity or privilege value the client controls
    and a decision may trust: ``("Cookie 'is_admin'", "the client")``, ``("JWT claim 'role'",
    "a token whose signature is not verified")``. None otherwise."""
    if depth > _DEPTH:
        return None
    expr = _peel(ctx, expr)
    read = request_read(ctx, expr)
    if read is not None:
        kind, key = read
        found = key_kind(key)
        if found is None or (kind == "param" and found != "flag"):
            return None
        label = {"header": "Header", "cookie": "Cookie"}.get(kind, "Request parameter")
        return f"{label} '{key}'", "the client"
    claim = _claim(ctx, expr)
    if claim is not None:
        return f"JWT claim '{claim}'", _UNVERIFIED
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if value is not None and value is not expr and not isinstance(value, (ast.Name, ast.Constant)):
            return client_privilege(ctx, value, depth + 1)
        return None
    if isinstance(expr, ast.Call):
        callee = (ctx.call_name(expr) or getattr(expr.func, "attr", getattr(expr.func, "id", ""))).rsplit(".", 1)[-1]
        words = set(split_words(callee))
        if words & _UNVERIFIED_WORDS and (words & _PRIVILEGES or words & _CLAIM_KEYS) and _client_args(ctx, expr):
            return f"The value of {callee}()", _UNVERIFIED
        func = ctx.taint.local_function(expr.func)
        if func is not None:
            returned = [n.value for n in own_nodes(func) if isinstance(n, ast.Return) and n.value is not None]
            inner = [client_privilege(ctx, v, depth + 1) for v in returned]
            if inner and all(inner):
                return f"The value of {callee}()", inner[0][1]  # type: ignore[index]
    return None


def _client_args(ctx: FileContext, call: ast.Call) -> bool:
    return any(ctx.taint.judge(a, "session")[0] == "source" for a in [*call.args, *(k.value for k in call.keywords)])


# ---- which files and scopes can hold such a value -----------------------------------------

# Modules whose presence opens every path of `client_privilege`: FastAPI parameters (route
# kind "fastapi" needs an import of these) and PyJWT / python-jose decoding.
_GATE_MODULES = ("fastapi", "starlette", "jwt", "jose")


# An identifier ending in ``req`` or ``request`` (a superset of the two names `_container` reads):
# ``req`` or ``request`` followed by no identifier character. Anchored at its rarest letter:
# the ``q`` of a ``req`` (the lookbehind), so that `re` scans for that letter alone and tries a
# match only there; the same matches as ``req(?:uest)?(?![A-Za-z0-9_])``, each found at its ``q``.
_REQUEST_WORD = lazy_compile(r"q(?<=req)(?:uest)?(?![A-Za-z0-9_])")

def _anchored_words(words: Iterable[str]) -> tuple[LazyPattern, ...]:
    """Patterns such that one of them matches (``search``) a text exactly when one of `words`
    (non-empty strings) occurs in it: a cheap exact test that a text holds none of them, one
    pass per pattern.

    Each word is anchored at its rarest letter (`patterns.rarity`): ``peek`` is ``k(?<=peek)``,
    the rest of the word from the anchor spelled out, then the whole word asserted by a
    fixed-width lookbehind (none when the anchor is its first letter). A match there is an
    occurrence of the word ending where the match ends, and each occurrence of the word gives
    such a match at its anchor: the same texts match. The words of one anchor letter share a
    pattern, their common spelled-out prefix first and the rest as alternatives
    (``verif(?:ied(?<=unverified)|y(?<=noverify))``), so that every pattern begins with a
    literal and `re` scans for that (rare) letter alone, trying a match only where it stands;
    one alternation of all the words would start with a set of letters, which `re` tests at
    each character (slower than `str.find` of each word, which these patterns beat about
    twice over Django's files). No repetition: linear."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for word in sorted(set(words)):
        at = min(range(len(word)), key=lambda i: (-rarity(word[i]), i))
        groups.setdefault(word[at], []).append((word, at))
    patterns = []
    for letter in sorted(groups):
        tails = [word[at:] for word, at in groups[letter]]
        head = os.path.commonprefix(tails)
        branches = [re.escape(word[at + len(head):]) + (f"(?<={re.escape(word)})" if at else "") for word, at in groups[letter]]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        patterns.append(lazy_compile(re.escape(head) + body))
    return tuple(patterns)


# `_UNVERIFIED_WORDS` anchored: ``f`` (unsafe), ``k`` (peek, unchecked), ``u`` (insecure),
# ``v`` (unverified, noverify).
_UNVERIFIED_ANCHORED = _anchored_words(_UNVERIFIED_WORDS)


def _may_hold_client_privilege(ctx: FileContext) -> bool:
    """False when no expression of the file can be a `client_privilege` value (memoised per
    file): a cheap necessary condition checked before the per-expression work. True when
    some scope of the file is open (see `_open_scopes`)."""
    scopes = _open_scopes(ctx)
    return scopes is None or bool(scopes)


def _scope_may_hold(ctx: FileContext, node: ast.AST) -> bool:
    """False when no expression evaluated in the scope of `node` (a Compare, If, While, IfExp
    or Assert, whose tested operands share its scope) can be a `client_privilege` value."""
    scopes = _open_scopes(ctx)
    return scopes is None or ctx.scope_of(node) in scopes


def _open_scopes(ctx: FileContext) -> frozenset[ast.AST] | None:
    """The scopes (module, def, lambda, class: `FileContext.scope_of`) in which an
    expression can be a `client_privilege` value; None for every scope (memoised per file).

    Every non-None answer of `client_privilege` bottoms out in one of: a FastAPI parameter or
    a PyJWT / python-jose call (an import of `_GATE_MODULES`: every scope is open); a call
    whose callee (`_unverified_callee`) one of `_UNVERIFIED_WORDS` names; a read of a request
    container under a constant key that `key_kind` accepts (`_keyed_reads`). Those calls and
    reads are the seeds, each in the scope of its own node. Identifiers are read in the
    NFKC-normalised text, as Python does: a file that spells no unverified word has no such
    callee (a callee is an identifier of the file or of one of its imports), and one that
    spells no ``request`` / ``req`` identifier has no such read (every container `_container`
    accepts hangs off such a name, a ``.request`` attribute or an import of ``flask.request``
    / ``quart.request``).

    From an expression of scope S, `client_privilege` (with `_peel`, `request_read`,
    `_claim`, `_unverified_decode`, `_local_returns`) moves only to: sub-expressions through
    Call, Attribute and Subscript nodes, which open no scope (still S); the reaching value of a
    name (`FileContext.reaching_value`), a binding's value found along the scope chain, so in
    S or an enclosing scope; the returned values of `ctx.taint.local_function(call.func)` for
    a call of a scope it reached (``helper(...)``, ``self.helper(...)``), the own returns of
    that def, in that def's scope. So a scope is open when it holds a seed, when its
    enclosing scope is open, or when it holds a call of an open def: the least fixpoint,
    computed from the seeds over the reverse edges (nested scopes, `TaintAnalysis.callers`,
    the calls that `local_function` resolves to a def). A closed scope cannot produce an
    answer: the checks return at once there. The taint judgements that `request_read` and
    `_client_args` add only narrow the seeds, so they are not needed here."""
    memo = ctx.__dict__.get("_aisec_ais212_scopes", False)
    if memo is not False:
        return memo
    text = identifier_text(ctx)
    if text is None or ctx.imports_any(_GATE_MODULES):
        memo = None
    else:
        seeds: set[ast.AST] = set()
        view = identifier_view(ctx) or text  # the one-byte copy for ASCII patterns
        if _REQUEST_WORD.search(view) is not None:
            seeds.update(map(ctx.scope_of, _keyed_reads(ctx)))
        # Lowered, an ASCII word occurs in the view as in the text, since only U+0130 and
        # U+212A lower to ASCII letters (NFKC has made the latter a "K" already); and the
        # view's ASCII letters are lowered as bytes (`str.lower` of a wide or Latin-1 string
        # is several times slower), the other characters left as they are.
        if "\u0130" in text:
            lowered = text.lower()
        else:
            lowered = view.lower() if view.isascii() else view.encode("latin-1").lower().decode("latin-1")
        # Most files hold none of the words: `_UNVERIFIED_ANCHORED` says so in one scan for
        # a rare letter per pattern, and the words' lines are counted only when one occurs.
        for pattern in _UNVERIFIED_ANCHORED:
            if pattern.search(lowered) is not None:
                present, lines = word_lines(lowered, _UNVERIFIED_WORDS)
                seeds.update(map(ctx.scope_of, _unverified_calls(ctx, present, lowered, lines)))
                break
        memo = _reaching_scopes(ctx, seeds) if seeds else frozenset()
    ctx.__dict__["_aisec_ais212_scopes"] = memo
    return memo


def _unverified_callee(ctx: FileContext, call: ast.Call) -> bool:
    """The callee's last name, as `client_privilege` and `_unverified_decode` read it, holds
    one of `_UNVERIFIED_WORDS`."""
    callee = (ctx.call_name(call) or getattr(call.func, "attr", getattr(call.func, "id", ""))).rsplit(".", 1)[-1]
    return _names_unverified(callee)


@memo(4096)
def _names_unverified(name: str) -> bool:
    return bool(set(split_words(name)) & _UNVERIFIED_WORDS)


def _unverified_calls(
    ctx: FileContext, present: list[str], lowered: str | None = None, lines: set[int] | None = None
) -> Iterator[ast.Call]:
    """The calls for which `_unverified_callee` holds, asking it only of candidates: that
    callee is ``f.attr`` for a call of an attribute ``f`` (the last part of its qualified
    name, or the fallback), for a call of a name either the name itself (the fallback, or
    ``builtins.<name>``) or the last part of what the name imports (a key of some import
    table), and empty for any other callee. Each word `split_words` finds is a substring of
    the lowercased name, and the name is spelled in the file, so a callee holding one of
    `_UNVERIFIED_WORDS` contains one of `present` (those the file's lowered identifier text
    contains).

    `lowered` (the file's lowered `identifier_text`) and `lines` (where `present` occurs in
    it, from `word_lines`), when given, narrow the candidates to the lines where one of
    `present` or of those aliases occurs: a candidate
    callee spells one of them on its own line, the line of ``f.attr`` being where the
    attribute ``f`` ends (``end_lineno``) and that of a called name its ``lineno``. Those
    calls are read from the top-level statements that span the lines
    (`FileContext.nodes_near_lines`), not from every call of the file."""

    def spells(name: str) -> bool:
        lowered = name.lower()
        return any(word in lowered for word in present)

    aliases = ctx.import_aliases(lambda target: spells(target.rsplit(".", 1)[-1]))
    calls = ctx.nodes_of(ast.Call)
    if lowered is not None and lines is not None and aliases:
        # `lowered` may be the one-byte view (`identifier_view`): ASCII aliases only.
        more = word_lines(lowered, {alias.lower() for alias in aliases})[1] if all(a.isascii() for a in aliases) else None
        lines = None if more is None else lines | more
    if lowered is not None and lines is not None:
        attribute_type, name_type = ast.Attribute, ast.Name
        calls = [
            call for call in ctx.nodes_near_lines(ast.Call, lines)
            if (type(call.func) is attribute_type and call.func.end_lineno in lines)  # type: ignore[attr-defined]
            or (type(call.func) is name_type and (call.func.lineno in lines or call.func.id in aliases))  # type: ignore[attr-defined]
        ]
    for call in calls:
        func = call.func  # type: ignore[attr-defined]
        if isinstance(func, ast.Attribute):
            candidate = spells(func.attr)
        elif isinstance(func, ast.Name):
            candidate = func.id in aliases or spells(func.id)
        else:
            candidate = False
        if candidate and _unverified_callee(ctx, call):  # type: ignore[arg-type]
            yield call  # type: ignore[misc]


_DEF_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
_SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _reaching_scopes(ctx: FileContext, seeds: set[ast.AST], local: bool = True) -> frozenset[ast.AST]:
    """The scopes from which a seed scope is reachable (see `_open_scopes`): the seeds, the
    scopes nested in an open scope, and the scopes holding a call that
    `ctx.taint.local_function` resolves to an open def (`TaintAnalysis.callers`).

    The scopes nested in an open scope S (those whose `FileContext.scope_of` is S) are its
    descendants, so they lie in the top-level statement that holds S, which spans S's own
    line: with `local`, they are read from the top-level statements that span an open
    scope's line (`FileContext.nodes_near_lines`), each statement once, not from every scope
    of the file; every scope of the file once the module is open (its nested scopes are all
    of them). Without `local`, every scope of the file is indexed first (the full scan the
    tests compare with)."""
    root = ctx.tree
    scope_of = ctx.scope_of
    nested: dict[ast.AST, list[ast.AST]] = {}
    indexed: set[ast.AST] = set()  # the scope nodes of the statements `nested` covers
    whole = False  # `nested` covers every scope of the file

    def index(scopes: list[ast.AST]) -> None:
        for scope in scopes:
            nested.setdefault(scope_of(scope), []).append(scope)

    if not local:
        index(ctx.nodes_of(*_SCOPE_NODES))
        whole = True
    callers = ctx.taint.callers
    found: set[ast.AST] = set()
    work = list(seeds)
    while work:
        scope = work.pop()
        if scope in found:
            continue
        found.add(scope)
        if not whole:
            if scope is root:
                nested.clear()
                index(ctx.nodes_of(*_SCOPE_NODES))
                whole = True
            elif scope not in indexed:
                line = {scope.lineno}  # type: ignore[attr-defined]
                near = [node for kind in _SCOPE_NODES for node in ctx.nodes_near_lines(kind, line)]
                indexed.update(near)
                index(near)
        work.extend(nested.get(scope, ()))
        if isinstance(scope, _DEF_NODES):
            work.extend(map(scope_of, callers(scope)))
    return frozenset(found)


def _keyed_reads(ctx: FileContext) -> Iterator[ast.AST]:
    """The container attribute of each ``request.<container>[key]`` or
    ``request.<container>.get(key)`` (the shapes `request_read` reads) whose constant key
    `key_kind` accepts."""
    containers = _CONTAINERS
    # The filter in one comprehension: a file has about a hundred attributes per candidate.
    for node in [n for n in ctx.nodes_of(ast.Attribute) if n.attr in containers]:  # type: ignore[attr-defined]
        container = node
        parent = ctx.parent(node)
        if node.attr == "get_json" and isinstance(parent, ast.Call) and parent.func is node:
            container, parent = parent, ctx.parent(parent)
        if _container(ctx, container) is None:
            continue
        key_node = None
        if isinstance(parent, ast.Subscript) and parent.value is container:
            key_node = parent.slice
        elif isinstance(parent, ast.Attribute) and parent.attr in _GETTERS:
            call = ctx.parent(parent)
            if isinstance(call, ast.Call) and call.func is parent and call.args:
                key_node = call.args[0]
        if key_node is not None and key_kind(ctx.const_str(key_node)) is not None:
            yield node


# ---- decisions -----------------------------------------------------------------------------

_TEST_PARENTS = (ast.If, ast.While, ast.IfExp, ast.Assert)


def _in_test(ctx: FileContext, node: ast.AST) -> bool:
    """`node` sits in the test of an ``if``/``while``/``assert``/conditional expression, or is
    assigned to a name that one of those tests in the same function."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, _TEST_PARENTS) and anc.test is child:
            return True
        if isinstance(anc, (ast.BoolOp, ast.UnaryOp)):
            child = anc
            continue
        if isinstance(anc, ast.Assign) and anc.value is child and len(anc.targets) == 1 and isinstance(anc.targets[0], ast.Name):
            return _name_tested(anc.targets[0].id, ctx.scope_of(anc))
        return False
    return False


def _name_tested(name: str, scope: ast.AST) -> bool:
    nodes = own_nodes(scope) if not isinstance(scope, ast.Module) else list(ast.walk(scope))
    for node in nodes:
        if isinstance(node, _TEST_PARENTS):
            if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.test)):
                return True
    return False


def _decision_hit(value: ast.AST, found: tuple[str, str]) -> Hit:
    what, origin = found
    fix = "take roles from the signed-in user's server-side record or a verified token"
    return hit(value, what, origin, "an access decision", fix, confidence=Confidence.HIGH)


def _constant_side(ctx: FileContext, node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is not None
    return ctx.is_constant(node, sanitizers=False)


def check_compare(node: ast.Compare, ctx: FileContext) -> Iterator[Hit]:
    """``request.cookies.get("is_admin") == "true"`` in a decision."""
    if not _scope_may_hold(ctx, node):
        return
    operands = [node.left, *node.comparators]
    for op, left, right in zip(node.ops, operands, operands[1:]):
        if not isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn)):
            continue
        for value, other in ((left, right), (right, left)):
            if not _constant_side(ctx, other) or isinstance(value, ast.Constant):
                continue
            found = client_privilege(ctx, value)
            if found and _in_test(ctx, node):
                yield _decision_hit(value, found)
                return


def check_truthiness(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    """``if request.cookies.get("is_admin"):`` and ``if not is_admin:``."""
    if not _scope_may_hold(ctx, node):
        return
    work = [node.test]
    while work:
        expr = work.pop()
        if isinstance(expr, ast.BoolOp):
            work.extend(expr.values)
        elif isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
            work.append(expr.operand)
        elif isinstance(expr, (ast.Name, ast.Subscript, ast.Call, ast.Attribute)):
            found = client_privilege(ctx, expr)
            if found and _flag_value(ctx, expr):
                yield _decision_hit(expr, found)


_DECISIONS = (
    (ast.Compare, check_compare), (ast.If, check_truthiness), (ast.While, check_truthiness),
    (ast.IfExp, check_truthiness), (ast.Assert, check_truthiness),
)


@on(ast.Module, when=_may_hold_client_privilege)
def check_decisions(node: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """`check_compare` on each comparison and `check_truthiness` on each ``if``, ``while``,
    conditional expression and ``assert``, read only from the top-level statements that hold
    an open scope (`_open_scopes`, `FileContext.nodes_near_lines`): both return at once for a
    node outside the open scopes, and each node of an open scope lies in the top-level
    statement that holds the scope's own line. So their cost follows the open scopes, not
    the size of the file."""
    scopes = _open_scopes(ctx)
    lines = None if scopes is None or ctx.tree in scopes else {scope.lineno for scope in scopes}  # type: ignore[attr-defined]
    for kind, check in _DECISIONS:
        for found in ctx.nodes_of(kind) if lines is None else ctx.nodes_near_lines(kind, lines):
            yield from check(found, ctx)  # type: ignore[arg-type]


def _flag_value(ctx: FileContext, expr: ast.AST) -> bool:
    """Truthiness decides only for flags (``is_admin``), not for a role string."""
    peeled = _peel(ctx, expr)
    read = request_read(ctx, peeled)
    if read is not None:
        return key_kind(read[1]) == "flag"
    if isinstance(peeled, ast.Name):
        value = ctx.reaching_value(peeled)
        return value is not None and _flag_value(ctx, value) if value is not peeled else False
    claim = _claim(ctx, peeled)
    return claim is not None and key_kind(claim) == "flag"


# ---- session writes and logins -------------------------------------------------------------


def _is_session(ctx: FileContext, expr: ast.AST) -> bool:
    if ctx.qualname(expr) in SESSION_QUALNAMES:
        return True
    if isinstance(expr, ast.Attribute) and expr.attr == "session":
        base = expr.value
        if isinstance(base, ast.Name):
            return base.id in REQUEST_NAMES and ctx.qualname(base) is None
        return isinstance(base, ast.Attribute) and base.attr == "request"
    return False


def _session_writes(ctx: FileContext, node: ast.AST) -> Iterator[tuple[str, ast.AST, ast.AST]]:
    """``(key, value, reported node)`` for each constant-keyed value written to the session.
    The reported node is the one the trust-boundary rule (AIS415) reports."""
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and _is_session(ctx, target.value):
                key = ctx.const_str(target.slice)
                if key:
                    yield key, node.value, node.value
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _is_session(ctx, node.func.value):
        if node.func.attr == "setdefault" and len(node.args) == 2:
            key = ctx.const_str(node.args[0])
            if key:
                yield key, node.args[1], node.args[1]
        elif node.func.attr == "update":
            for kw in node.keywords:
                if kw.arg:
                    yield kw.arg, kw.value, kw.value
            for arg in node.args:
                if isinstance(arg, ast.Dict):
                    for k, v in zip(arg.keys, arg.values):
                        key = ctx.const_str(k) if k is not None else None
                        if key:
                            yield key, v, arg


def _from_client(ctx: FileContext, value: ast.AST) -> list[str]:
    """Origins when the value is request data (casts do not make it the server's)."""
    peeled = _peel(ctx, value)
    seen, origins = ctx.taint.judge(peeled, "session")
    if seen == "source":
        return origins or ["the request"]
    return []


def _verifies_before(ctx: FileContext, node: ast.AST) -> bool:
    """The enclosing function checks a password, code or token before `node`."""
    func = ctx.enclosing_function(node)
    if func is None:
        return False
    line = getattr(node, "lineno", 0)
    for sub in own_nodes(func):
        if getattr(sub, "lineno", line + 1) > line:
            continue
        if isinstance(sub, ast.Call):
            name = _callee(sub)
            words = set(split_words(name))
            if name == "loads" and not _signed_loads(ctx, sub):
                continue
            if name in _VERIFY_NAMES or (words & _VERIFY_VERBS and words & _VERIFY_OBJECTS):
                return True
        elif isinstance(sub, ast.Compare) and any(_names_credential(ctx, o) for o in [sub.left, *sub.comparators]):
            return True  # user.password_hash == hash_password(form["password"]): weak, but a check
    return False


def _signed_loads(ctx: FileContext, call: ast.Call) -> bool:
    """``serializer.loads(token, max_age=...)`` (itsdangerous, Django signing) verifies a
    signature; ``json.loads`` and ``pickle.loads`` do not."""
    qn = ctx.call_name(call)
    return qn is None or "signing" in qn or "itsdangerous" in qn


def _callee(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _names_credential(ctx: FileContext, expr: ast.AST) -> bool:
    """An operand that names a password, hash or code: ``user.password_hash``, ``form["otp"]``."""
    if isinstance(expr, ast.Call):
        expr = expr.func
    name = None
    if isinstance(expr, ast.Attribute):
        name = expr.attr
    elif isinstance(expr, ast.Name):
        name = expr.id
    elif isinstance(expr, ast.Subscript):
        name = ctx.const_str(expr.slice)
    return bool(name) and bool(set(split_words(name)) & _VERIFY_OBJECTS)


def _admin_handler(ctx: FileContext, node: ast.AST) -> bool:
    func = ctx.enclosing_function(node)
    h = handler_of(ctx, func) if func is not None else None
    if h is None:
        return False
    prot = protection(ctx, h)
    return prot.admin and prot.signs_in_users  # an admin check on a signed-in user, not on a header


def _session_hits(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    for key, value, reported in _session_writes(ctx, node):
        kind = key_kind(key)
        if kind is None:
            continue
        origins = _from_client(ctx, value)
        if not origins or _verifies_before(ctx, node) or (kind == "identity" and _admin_handler(ctx, node)):
            continue
        what = "identity" if kind == "identity" else "privileges"
        fix = "set it from the server-side user after checking a password or token"
        yield hit(reported, f"Session key '{key}'", ", ".join(origins), what, fix, confidence=Confidence.HIGH)
        return


@on(ast.Module, when=mentions_session)
def check_session_assign(node: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """``session["user_id"] = request.args["uid"]``: the assignments whose target subscripts
    the session (`_is_session`: an expression resolving to `SESSION_QUALNAMES`, which ends
    in ``session`` or is a name imported as one, or a ``.session`` attribute), read only from
    the statements that spell one (`nodes_spelling`)."""
    for found in nodes_spelling(ctx, (ast.Assign, ast.AugAssign), "session", SESSION_QUALNAMES):
        yield from _session_hits(found, ctx)


@on(ast.Call, callees=frozenset({"update", "setdefault", "login_user", "login"}))
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``session.update(user_id=...)`` and ``login_user(User.query.get(request.args["id"]))``."""
    if isinstance(node.func, ast.Attribute) and node.func.attr in ("update", "setdefault"):
        yield from _session_hits(node, ctx)
    else:
        yield from _login_hits(node, ctx)


def _login_hits(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    index = _LOGIN_CALLS.get(ctx.call_name(node) or "")
    if index is None or len(node.args) <= index:
        return
    user = node.args[index]
    origin = _lookup_origin(ctx, user)
    if origin and not _verifies_before(ctx, node):
        name = (ctx.call_name(node) or "login").rsplit(".", 1)[-1]
        fix = "check the password or a token before logging the user in"
        yield hit(user, f"The user passed to {name}()", f"a lookup by {origin}", "identity", fix, confidence=Confidence.HIGH)


def _lookup_origin(ctx: FileContext, user: ast.AST, depth: int = 0) -> str | None:
    """``User.query.get(request.args["id"])`` -> "request.args": a user looked up by a request
    value that is no credential (not a reset or login token)."""
    if depth > 2:
        return None
    if isinstance(user, ast.Name):
        value = ctx.reaching_value(user)
        return _lookup_origin(ctx, value, depth + 1) if value is not None and value is not user else None
    if not isinstance(user, ast.Call) or not any(isinstance(c, ast.Call) and _callee(c) in _LOOKUPS for c in ast.walk(user)):
        return None  # a user built here (registration), not looked up
    for sub in ast.walk(user):
        if not isinstance(sub, ast.Call):
            continue
        for arg, label in [*((a, None) for a in sub.args), *((k.value, k.arg) for k in sub.keywords)]:
            if label and set(split_words(label)) & _CREDENTIAL_WORDS:
                continue
            read = request_read(ctx, _peel(ctx, arg))
            if read is not None and set(split_words(read[1])) & _CREDENTIAL_WORDS:
                continue
            origins = _from_client(ctx, arg)
            if origins:
                return ", ".join(origins)
    return None
