"""AIS206 hardcoded-credential-check: a login decided by comparing with a credential in the code.

## What it does
Flags an authentication decision that compares a credential with a value written in the
source: ``if username == "admin" and password == "S3cret!":``, ``if api_key != "k-81...":``,
``if token in ("9f2c...", ...)``, ``match password: case "...":``. The credential is an
operand whose name is a password, secret, token, API key or other credential name: a
variable, attribute, dict key, ``request.form.get("password")``, WTForms
``form.password.data`` or a request header (``request.headers["X-API-Key"]``). The value is

- a literal, or a name bound to one (``ADMIN_PASSWORD = "..."``);
- the literal fallback of an environment lookup
  (``password == os.environ.get("OPS_PASSWORD", "0ps-...")``), which is the password
  wherever the variable is unset;
- an entry of a module-level dict of literals (``USERS = {"admin": "..."}`` with
  ``USERS.get(username) == password``).

The comparison must decide something: an ``if`` / ``while`` / conditional-expression test, a
``return``, or a value assigned to a name. Placeholders (``""``, ``"changeme"``, ``None``,
``"<token>"``) are not credentials; a password needs 4 or more characters, and a key, token
or secret value 8 or more with letters and digits (``token == "COLLATE"`` in a parser is a
lexer, not a login).

## Why is this bad?
Everyone who can read the repository, a package or a container image can log in with the
credential, it is the same in every deployment, and it cannot be rotated or revoked without
a release: a backdoor account (CWE-798). Code assistants write it as a "temporary" admin
login that stays.

## Example
```python
from flask import Flask, request, session

app = Flask(__name__)


@app.post("/admin/login")
def admin_login():
    if request.form.get("username") == "admin" and request.form.get("password") == "Adm1n!2024":
        session["admin"] = True
        return "ok"
    return "denied", 401
```

## Use instead
```python
from flask import Flask, request, session
from werkzeug.security import check_password_hash

from .models import User

app = Flask(__name__)


@app.post("/admin/login")
def admin_login():
    user = User.query.filter_by(username=request.form.get("username", ""), is_admin=True).first()
    if user and check_password_hash(user.password_hash, request.form.get("password", "")):
        session["admin"] = True
        return "ok"
    return "denied", 401
```

## Known problems
The credential must be something presented to the code: a comparison of the application's
own setting (``settings.SECRET_KEY == "dev-key-1"``, an upper-case constant) is a guard
against a default value, and ``password in (...)`` with three or more literals is a
deny-list of common passwords; neither is reported. A comparison whose true branch only
raises (``if password == OLD_DEFAULT: raise ConfigError(...)``), or with a constant whose
name says the value is kept to be refused (``_LEGACY_DEFAULT_ADMIN_PASSWORD``,
``INSECURE_*``, ``BANNED_*``, ``WEAK_*``, ``LEAKED_*``; not ``DEFAULT_*`` alone), is low
confidence: it rejects a known-bad password rather than accepting one. The rule reports the literal, where AIS101 (hardcoded-secret) would report a comparison too:
AIS206 wins over it, and over AIS104 (hardcoded-secret-fallback) on an environment
fallback, so each literal has one finding. A credential under a name that does not say so
is missed, and so is one compared through a helper function. Comparisons in test files
(``aisec-test-paths``) and in ``assert`` statements are not reported (``assert
resp.json()["token"] == "..."`` checks a test's expectation), nor in development settings
modules, where AIS101 reports such literals at low confidence.

## Options
None beyond ``aisec-min-confidence``; ``aisec-secret-names`` and ``aisec-ignore-names``
adjust what counts as a credential name.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [OWASP Authentication Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html)
- [OWASP Top 10 2021 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.context import literal_str, operand_name
from ..analysis.frameworks import settings_profile
from ..analysis.literals import names_refused_value
from ..analysis.words import holds_head_word, is_placeholder, mask, secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# A value of letters and separators only: a chosen word or label ("COLLATE", "bearer").
_WORDS_ONLY = lazy_compile(r"^[A-Za-z_][A-Za-z_ -]{0,200}$")
# A stored password hash (Modular Crypt Format, Django's "<algorithm>$..."): a verifier.
_PASSWORD_HASH = lazy_compile(r"^\$[0-9a-z]{1,8}\$|^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt|scrypt)\$")
# Environment lookups whose second argument is the fallback value.
_ENV_GETTERS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})
# Words that make a name the secret's metadata or a digest of it, not the secret.
_NOT_THE_SECRET = frozenset({"hashed", "salted", "masked", "redacted", "fake", "dummy", "example", "sample"})
_DEPTH = 4


def name_of(expr: ast.AST | None) -> str | None:
    """The name an operand stands for (see `operand_name`)."""
    return operand_name(expr)


def credential_kind(name: str | None, ctx: FileContext) -> str | None:
    """The kind of credential a compared name stands for, or None (``aisec-ignore-names``
    read only for a name that has a kind: most have none)."""
    extra = ctx.settings.secret_names
    if not name or not (extra or holds_head_word(name)):
        return None
    words = split_words(name)
    while words and words[-1].isdigit():
        words = words[:-1]
    if not words or _NOT_THE_SECRET.intersection(words[:-1]):
        return None
    joined = "_".join(words)
    kind = secret_name_kind(joined, extra) if extra else secret_name_kind(joined)
    if kind is None or ctx.settings.ignored_name(name):
        return None
    return kind


def _literal(ctx: FileContext, expr: ast.AST) -> tuple[ast.AST, str] | None:
    """``(node to report, text)`` when `expr` is a credential written in the code."""
    text = literal_str(expr)
    if text is not None:
        return expr, text
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        text = literal_str(value)
        if text is not None:
            return expr, text
    if isinstance(expr, ast.Call) and ctx.call_name(expr) in _ENV_GETTERS:
        default = expr.args[1] if len(expr.args) > 1 else next((k.value for k in expr.keywords if k.arg == "default"), None)
        text = literal_str(default)
        if text is not None and default is not None:
            return default, text
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "encode":
        return _literal(ctx, expr.func.value)
    return None


def _credential_value(text: str, kind: str) -> bool:
    """A value that can be a credential: a password of 4 or more characters ("admin",
    "root" are the classic backdoors; "git" in a URL's user part is not); for keys, tokens
    and secrets an issued-looking value of 8 or more characters with letters and digits
    (``token == "COLLATE"`` or ``token == "#bygroup"`` is a lexer, not a login)."""
    if is_placeholder(text) or _PASSWORD_HASH.match(text):
        return False
    if kind == "password":
        return len(text.strip()) >= 4
    return (
        len(text) >= 8
        and not _WORDS_ONLY.match(text)
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def _strong(text: str) -> bool:
    classes = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    return len(text) >= 8 and classes >= 2


def _deciding(ctx: FileContext, node: ast.AST) -> bool:
    """The comparison decides something: it is (part of) a test, returned or assigned."""
    cur = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.BoolOp, ast.UnaryOp)):
            cur = anc
            continue
        if isinstance(anc, (ast.If, ast.While, ast.IfExp)):
            return anc.test is cur
        if isinstance(anc, ast.comprehension):
            return cur in anc.ifs
        return isinstance(anc, (ast.Return, ast.Assign, ast.AnnAssign, ast.NamedExpr))
    return False


_CONFIG_ROOTS = frozenset({"os", "settings", "config", "conf", "cfg", "app", "current_app", "environ", "env"})


def _own_configuration(ctx: FileContext, expr: ast.AST) -> bool:
    """The application's own setting, not a credential someone presents: ``SECRET_KEY`` or
    ``settings.SECRET_KEY == "dev-key-123"`` is a guard against a default key."""
    if isinstance(expr, ast.Name) and expr.id.isupper():
        return True
    qual = ctx.qualname(expr.func if isinstance(expr, ast.Call) else expr)
    if qual and qual.startswith(("os.", "django.conf.settings", "flask.current_app")):
        return True
    cur = expr
    for _ in range(_DEPTH * 2):
        if isinstance(cur, ast.Call):
            cur = cur.func
        elif isinstance(cur, (ast.Attribute, ast.Subscript)):
            cur = cur.value
        else:
            break
    return isinstance(cur, ast.Name) and cur.id.lower() in _CONFIG_ROOTS


def _quiet(ctx: FileContext, node: ast.AST) -> bool:
    """Tests, ``assert`` statements and development settings modules: not reported at all, so
    that AIS101 / AIS104 (which this rule supersedes on the same literal) keep their own,
    lower, verdict there."""
    return (
        ctx.settings.is_test_path(ctx.filename)
        or isinstance(ctx.statement_of(node), ast.Assert)
        or settings_profile(ctx) == "development"
    )


def _refusal(ctx: FileContext, node: ast.Compare) -> bool:
    """``if password == KNOWN_BAD: raise ...``: an equality (or ``in``) test whose true
    branch only logs and raises, so a match refuses, never grants (mlflow rejects the
    admin password it once shipped). An ``else`` branch, a ``not`` on the way up, or any
    other statement in the branch and it is not one."""
    if not all(isinstance(op, (ast.Eq, ast.In)) for op in node.ops):
        return False
    cur: ast.AST = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.BoolOp):
            cur = anc
            continue
        if not (isinstance(anc, ast.If) and anc.test is cur) or anc.orelse:
            return False
        *before, last = anc.body
        return isinstance(last, ast.Raise) and all(
            isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) for stmt in before
        )
    return False


def _confidence(text: str, kind: str) -> Confidence:
    return Confidence.HIGH if kind == "password" or _strong(text) else Confidence.MEDIUM


def _credentials_dict(ctx: FileContext, expr: ast.AST) -> ast.Dict | None:
    """``USERS.get(name)`` / ``USERS[name]`` where ``USERS`` is a module-level dict of literals."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get":
        base = expr.func.value
    elif isinstance(expr, ast.Subscript) and literal_str(expr.slice) is None:
        base = expr.value
    else:
        return None
    if not isinstance(base, ast.Name):
        return None
    value = ctx.reaching_value(base)
    if not isinstance(value, ast.Dict) or not value.values:
        return None
    texts = [literal_str(v) for v in value.values]
    if any(t is None or is_placeholder(t) for t in texts) or any(k is None or literal_str(k) is None for k in value.keys):
        return None
    return value


def _pairs(node: ast.Compare) -> Iterator[tuple[ast.AST, ast.cmpop, ast.AST]]:
    left = node.left
    for op, right in zip(node.ops, node.comparators):
        yield left, op, right
        left = right


_CONSTANT, _EQ, _NOT_EQ, _IN, _NOT_IN = ast.Constant, ast.Eq, ast.NotEq, ast.In, ast.NotIn
_CONTAINERS = (ast.Tuple, ast.List, ast.Set)


def _may_name_credential(expr: ast.AST, ctx: FileContext) -> bool:
    """False when `credential_kind` of `expr`'s name is surely None: a literal (no name), a
    name with no secret head word and no ``aisec-secret-names``."""
    if type(expr) is _CONSTANT:
        return False
    name = operand_name(expr)
    return bool(name) and (holds_head_word(name) or bool(ctx.settings.secret_names))  # type: ignore[arg-type]


@on(ast.Compare)
def check_compare(node: ast.Compare, ctx: FileContext) -> Iterator[Hit]:
    """A credential compared with a literal. First test (most comparisons end there): some
    candidate below may name a credential (`_may_name_credential`)."""
    left = node.left
    for op, right in zip(node.ops, node.comparators):
        kind = type(op)
        if kind is _EQ or kind is _NOT_EQ:
            if _may_name_credential(left, ctx) or _may_name_credential(right, ctx):
                break
        elif (kind is _IN or kind is _NOT_IN) and type(right) in _CONTAINERS and 0 < len(right.elts) < 3:  # type: ignore[attr-defined]
            if _may_name_credential(left, ctx):
                break
        left = right
    else:
        return
    named_credentials = []
    for left, op, right in _pairs(node):
        if isinstance(op, (ast.Eq, ast.NotEq)):
            candidates = [(left, right), (right, left)]
        elif isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (ast.Tuple, ast.List, ast.Set)):
            candidates = [(left, elt) for elt in right.elts]
        else:
            continue
        if isinstance(op, (ast.In, ast.NotIn)) and len(candidates) >= 3:
            continue  # password in ("123456", "qwerty", ...): a deny-list of common passwords
        for named, other in candidates:
            kind = credential_kind(name_of(named), ctx)
            if kind is not None:
                named_credentials.append((named, other, kind))
    # Names first (the common case: no credential named), then where the comparison is.
    if not named_credentials or _quiet(ctx, node) or not _deciding(ctx, node):
        return
    for named, other, kind in named_credentials:
        if _own_configuration(ctx, named):
            continue
        found = _literal(ctx, other)
        if found is not None:
            report, text = found
            if _credential_value(text, kind):
                confidence = _confidence(text, kind)
                if (isinstance(other, ast.Name) and names_refused_value(other.id)) or _refusal(ctx, node):
                    confidence = Confidence.LOW
                yield hit(report, kind, mask(text), confidence=confidence)
            continue
        table = _credentials_dict(ctx, other)
        if table is not None and kind == "password":
            yield hit(other, "password table", f"with {len(table.values)} entries", confidence=Confidence.HIGH)


@on(ast.Match)
def check_match(node: ast.Match, ctx: FileContext) -> Iterator[Hit]:
    """``match password: case "...":`` compares like ``==``."""
    if _quiet(ctx, node):
        return
    kind = credential_kind(name_of(node.subject), ctx)
    if kind is None:
        return
    for case in node.cases:
        patterns = case.pattern.patterns if isinstance(case.pattern, ast.MatchOr) else [case.pattern]
        for pattern in patterns:
            if isinstance(pattern, ast.MatchValue):
                text = literal_str(pattern.value)
                if text is not None and _credential_value(text, kind):
                    yield hit(pattern.value, kind, mask(text), confidence=_confidence(text, kind))
