"""AIS214 long-session-lifetime: a session or remember-me cookie that stays valid too long.

## What it does
Flags session and remember-me lifetimes longer than ``aisec-max-session-lifetime`` (default
30 days) when they are constant:

- Flask ``PERMANENT_SESSION_LIFETIME`` and Flask-Login ``REMEMBER_COOKIE_DURATION``, and
  Django ``SESSION_COOKIE_AGE``: module settings, config classes, ``app.config[...] = ...``,
  ``app.config.update(...)`` / ``from_mapping(...)`` and dict literals;
  ``app.permanent_session_lifetime = ...``;
- Flask-Login ``login_user(user, remember=True, duration=...)``, Django
  ``request.session.set_expiry(...)``, Starlette ``SessionMiddleware(max_age=...)`` (also
  through ``app.add_middleware`` and ``Middleware(...)``);
- ``set_cookie(...)`` of a session-like cookie (its name says session, sid, token, auth,
  jwt, remember, refresh, sso) with ``max_age`` beyond the limit or ``expires`` set to now
  plus such a duration.

Durations are computed from the code without running it: numbers and their sums and
products (``60 * 60 * 24 * 365``), ``timedelta(days=..., hours=..., weeks=...)``,
``.total_seconds()``, and names bound to such values. Development and test settings modules,
config classes named for development or tests, and test files are not reported.

## Why is this bad?
A session cookie is a bearer credential: whoever holds it is the user. The longer it stays
valid, the longer a cookie stolen from a shared computer, a backup, malware or a log keeps
working, and the longer a user who walked away stays signed in. OWASP asks for idle and
absolute timeouts, and for re-authentication when they run out.

## Example
```python
from datetime import timedelta

from flask import Flask

app = Flask(__name__)
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(days=365)
```

## Use instead
```python
from datetime import timedelta

from flask import Flask

app = Flask(__name__)
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=12)
```

## Known problems
Defaults are not reported: Flask-Login's remember cookie lasts 365 days unless
``REMEMBER_COOKIE_DURATION`` is set, and Flask's permanent sessions 31 days. Lifetimes read
from the environment or other modules are not judged, nor an absolute ``expires`` (a fixed
date or timestamp). A long lifetime with a server-side idle timeout (sessions deleted after
inactivity) is reported too; suppress the line.

## Options
``aisec-max-session-lifetime`` (default ``30d``): seconds, or a number with ``s``, ``m``,
``h`` or ``d``.

## References
- [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
- [OWASP Session Management Cheat Sheet: Session Expiration](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-expiration)
- [Flask: PERMANENT_SESSION_LIFETIME](https://flask.palletsprojects.com/en/stable/config/#PERMANENT_SESSION_LIFETIME)
- [Flask-Login: Cookie Settings](https://flask-login.readthedocs.io/en/latest/#cookie-settings)
- [Django: SESSION_COOKIE_AGE](https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-age)
- [Starlette: SessionMiddleware](https://www.starlette.io/middleware/#sessionmiddleware)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import REQUEST_NAMES, settings_profile
from ..analysis.words import split_words
from ..analysis.durations import duration, lifetime, seconds
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# Setting -> what it keeps alive. Flask config:
# https://flask.palletsprojects.com/en/stable/config/ ; Flask-Login cookie settings:
# https://flask-login.readthedocs.io/en/latest/#cookie-settings ; Django:
# https://docs.djangoproject.com/en/stable/ref/settings/#sessions
LIFETIME_SETTINGS = {
    "PERMANENT_SESSION_LIFETIME": "session",
    "SESSION_COOKIE_AGE": "session",
    "REMEMBER_COOKIE_DURATION": "remember-me cookie",
}
SESSION_WORDS = frozenset(
    {"session", "sessionid", "sid", "token", "auth", "jwt", "remember", "refresh", "sso", "jsessionid", "phpsessid"}
)
_CSRF_WORDS = frozenset({"csrf", "xsrf", "csrftoken"})
_SESSION_MIDDLEWARE = "SessionMiddleware"
_CONFIG_CALLS = frozenset({"update", "from_mapping", "dict"})
# Config classes for development and tests (class DevelopmentConfig, TestingConfig).
_DEV_CLASS = lazy_compile(r"(?:^|[a-z_])(?:Dev|Devel|Development|Local|Test|Tests|Testing|CI)(?:[A-Z_]|$)")
# set_cookie(key, value, max_age, expires, ...): Werkzeug, Django and Starlette alike.
_COOKIE_POSITIONS = {"max_age": 2, "expires": 3}


def _too_long(value: ast.AST | None, ctx: FileContext) -> str | None:
    secs = seconds(value, ctx)
    if secs is None or secs <= ctx.settings.max_session_lifetime:
        return None
    return duration(secs)


def _hit(value: ast.AST, what: str, kept: str, lasts: str, ctx: FileContext) -> Hit:
    return hit(value, what, kept, lasts, duration(ctx.settings.max_session_lifetime), confidence=Confidence.HIGH)


def _exempt(ctx: FileContext, node: ast.AST) -> bool:
    """Development or test configuration: a dev settings module, a test file, a config class
    named for development or tests."""
    if settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename):
        return True
    cls = ctx.enclosing_class(node)
    return cls is not None and bool(_DEV_CLASS.search(cls.name))


def _setting_target(target: ast.AST, node: ast.AST, ctx: FileContext) -> str | None:
    """The setting a target names: a module or config-class name, or ``config["NAME"]``."""
    if isinstance(target, ast.Name):
        scope = ctx.scope_of(node)
        if scope is ctx.tree or isinstance(scope, ast.ClassDef):
            return target.id
        return None
    if isinstance(target, ast.Subscript):
        return ctx.const_str(target.slice)
    if isinstance(target, ast.Attribute) and target.attr == "permanent_session_lifetime":
        return "PERMANENT_SESSION_LIFETIME"
    return None


@on(ast.Assign, ast.AnnAssign, names=LIFETIME_SETTINGS.keys() | {"permanent_session_lifetime"})
def check_setting(node: ast.Assign | ast.AnnAssign, ctx: FileContext) -> Iterator[Hit]:
    """``PERMANENT_SESSION_LIFETIME = timedelta(days=365)`` and friends."""
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        name = _setting_target(target, node, ctx)
        if name in LIFETIME_SETTINGS and node.value is not None and not _exempt(ctx, node):
            lasts = _too_long(node.value, ctx)
            if lasts:
                what = "app.permanent_session_lifetime" if isinstance(target, ast.Attribute) else name
                yield _hit(node.value, what, LIFETIME_SETTINGS[name], lasts, ctx)
                return


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    """``app.config.from_mapping({"PERMANENT_SESSION_LIFETIME": ...})``."""
    for key, value in zip(node.keys, node.values):
        if key is None:
            continue
        # `const_str` of a str literal is its value: asked only of other keys.
        name = key.value if key.__class__ is ast.Constant and key.value.__class__ is str else ctx.const_str(key)
        if name in LIFETIME_SETTINGS and not _exempt(ctx, node):
            lasts = _too_long(value, ctx)
            if lasts:
                yield _hit(value, name, LIFETIME_SETTINGS[name], lasts, ctx)


def _cookie_kind(name: str | None) -> str | None:
    if name is None:
        return None
    words = set(split_words(name))
    if words & _CSRF_WORDS or not words & SESSION_WORDS:
        return None
    return "remember-me cookie" if "remember" in words else "session cookie"


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _keyword(call: ast.Call, name: str) -> ast.AST | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _cookie_hits(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.const_str(_arg(node, 0, "key"))
    kind = _cookie_kind(name)
    if kind is None:
        return
    max_age = _arg(node, _COOKIE_POSITIONS["max_age"], "max_age")
    lasts = _too_long(max_age, ctx)
    if lasts and max_age is not None:
        yield _hit(max_age, f"Cookie '{name}' (max_age)", kind, lasts, ctx)
        return
    expires = _arg(node, _COOKIE_POSITIONS["expires"], "expires")
    until = lifetime(expires, ctx)
    if expires is not None and until is not None and until > ctx.settings.max_session_lifetime:
        yield _hit(expires, f"Cookie '{name}' (expires)", kind, duration(until), ctx)


def _is_session_middleware(expr: ast.AST | None, ctx: FileContext) -> bool:
    qn = ctx.qualname(expr) if expr is not None else None
    return bool(qn) and qn.rsplit(".", 1)[-1] == _SESSION_MIDDLEWARE


def _is_django_session(expr: ast.AST) -> bool:
    """``request.session`` or ``self.request.session``."""
    if not (isinstance(expr, ast.Attribute) and expr.attr == "session"):
        return False
    base = expr.value
    if isinstance(base, ast.Name):
        return base.id in REQUEST_NAMES
    return isinstance(base, ast.Attribute) and base.attr == "request"


@on(
    ast.Call,
    callees=frozenset(
        {"set_cookie", "set_signed_cookie", "add_middleware", "Middleware", "SessionMiddleware", "set_expiry", "login_user"}
        | _CONFIG_CALLS
    ),
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    qn = ctx.call_name(node) or ""
    tail = qn.rsplit(".", 1)[-1] if qn else last
    if last in ("set_cookie", "set_signed_cookie"):
        yield from _cookie_hits(node, ctx)
    elif last in _CONFIG_CALLS or tail in _CONFIG_CALLS:
        for kw in node.keywords:
            if kw.arg in LIFETIME_SETTINGS and not _exempt(ctx, node):
                lasts = _too_long(kw.value, ctx)
                if lasts:
                    yield _hit(kw.value, kw.arg, LIFETIME_SETTINGS[kw.arg], lasts, ctx)
    elif last == "add_middleware" or tail == "Middleware":
        if node.args and _is_session_middleware(node.args[0], ctx):
            yield from _max_age_hit(node, ctx)
    elif tail == _SESSION_MIDDLEWARE and _is_session_middleware(func, ctx):
        yield from _max_age_hit(node, ctx)
    elif last == "set_expiry" and isinstance(func, ast.Attribute) and _is_django_session(func.value) and node.args:
        lasts = _too_long(node.args[0], ctx)
        if lasts:
            yield _hit(node.args[0], "request.session.set_expiry()", "session", lasts, ctx)
    elif tail == "login_user" and qn.startswith("flask_login"):
        value = _keyword(node, "duration")
        lasts = _too_long(value, ctx)
        if lasts and value is not None:
            yield _hit(value, "login_user(duration=...)", "remember-me cookie", lasts, ctx)


def _max_age_hit(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    value = _keyword(node, "max_age")
    lasts = _too_long(value, ctx)
    if lasts and value is not None:
        yield _hit(value, "SessionMiddleware(max_age=...)", "session", lasts, ctx)
