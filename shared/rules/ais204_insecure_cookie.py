"""AIS204 insecure-cookie: a session-like cookie without Secure or HttpOnly, or otherwise unsafe.

## What it does
Flags ``response.set_cookie(...)`` and ``set_signed_cookie(...)`` (Flask / Werkzeug,
Django, Starlette / FastAPI; all default both flags to False) when the cookie is
session-like and ``secure`` or ``httponly`` is missing or a constant false. A cookie is
session-like when its name says so (``session``, ``sessionid``, ``sid``, ``token``,
``auth``, ``jwt``, ``remember``, ``login``, ``access``, ``refresh``, ``sso``) or, for a
non-constant name, when the value's name is a token or session name. Also flags settings
that switch the flags off: ``SESSION_COOKIE_SECURE``, ``SESSION_COOKIE_HTTPONLY``,
``REMEMBER_COOKIE_SECURE``, ``REMEMBER_COOKIE_HTTPONLY`` or ``CSRF_COOKIE_SECURE`` set to
``False`` (module settings, Flask config classes, ``app.config[...]``,
``app.config.update(...)`` / ``from_mapping(...)``, dict literals), except in development
and test configuration (``settings/dev.py``, ``test_settings.py``, ``class
TestingConfig``, test files), where local plain-HTTP servers need them off. Deleting a
cookie (an empty value, ``max_age=0`` or ``expires=0``) is not setting one.

Also flags ``samesite="None"`` without ``secure=True`` on any cookie (medium confidence when
the cookie is not session-like), ``SESSION_COOKIE_SAMESITE`` / ``CSRF_COOKIE_SAMESITE`` /
``REMEMBER_COOKIE_SAMESITE`` set to ``"None"`` when the module never turns the matching
``*_COOKIE_SECURE`` setting on (Django and Flask default it to off), and an identity or role
cookie (``role``, ``user_id``, ``is_admin``, ``username``) whose value comes from the
request (``resp.set_cookie("role", request.args["role"])``).

## Why is this bad?
Without Secure the browser sends the cookie over plain HTTP, where anyone on the network can
read it; without HttpOnly any injected script can read it. Either way the session is
stolen and the account taken over. A SameSite=None cookie goes with every cross-site request;
current browsers drop it unless it is Secure, older ones send it over plain HTTP. A role or
user id cookie that the request chose is an identity the client picked: whoever reads it
later trusts the attacker.

## Example
```python
from flask import Flask, make_response

app = Flask(__name__)

@app.post("/login")
def login():
    resp = make_response("ok")
    resp.set_cookie("session_token", new_token())
    return resp
```

## Use instead
```python
from flask import Flask, make_response

app = Flask(__name__)

@app.post("/login")
def login():
    resp = make_response("ok")
    resp.set_cookie("session_token", new_token(), secure=True, httponly=True, samesite="Lax")
    return resp
```

## Known problems
Cookies whose name says nothing about sessions (``theme``, ``lang``) are not checked.
``secure`` or ``httponly`` given as a non-constant expression (``secure=not app.debug``) are
trusted. A call to the module's own cookie setter that takes the handler or response first
(``def set_cookie(self, handler, token)``, called as ``self.set_cookie(handler, token)``) is
not judged: the wrapper's own ``set_cookie`` call inside it is. A ``*_COOKIE_SECURE = False``
inside a branch that runs only without TLS (``if not ssl:``, ``else`` of ``if use_https:``,
``if DISABLE_HTTPS:``, ``if request.scheme == "http":``) is low confidence: Secure cookies never come back over plain
HTTP, as a quickstart for a local server knows. CSRF cookies (``csrf_token``, ``XSRF-TOKEN``, ``csrftoken``) are not checked:
double-submit schemes must read them from script. ``SESSION_COOKIE_SECURE`` set in another
settings module (a base module that this one does not star-import) is not seen, so
``SESSION_COOKIE_SAMESITE = "None"`` there is reported; suppress the line. Lifetimes are
AIS214's (long-session-lifetime), and reading roles from cookies is AIS212's
(client-controlled-identity).

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute](https://cwe.mitre.org/data/definitions/614.html)
- [CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag](https://cwe.mitre.org/data/definitions/1004.html)
- [CWE-1275: Sensitive Cookie with Improper SameSite Attribute](https://cwe.mitre.org/data/definitions/1275.html)
- [MDN: Set-Cookie, SameSite=None requires Secure](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value)
- [Django: SESSION_COOKIE_SAMESITE](https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-samesite)
- [Flask: Response.set_cookie](https://flask.palletsprojects.com/en/stable/api/#flask.Response.set_cookie)
- [Django: HttpResponse.set_cookie](https://docs.djangoproject.com/en/stable/ref/request-response/#django.http.HttpResponse.set_cookie)
- [Starlette: Responses, Set Cookie](https://www.starlette.io/responses/#set-cookie)
- [OWASP Session Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import settings_profile
from ..analysis.words import secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

SETTERS = frozenset({"set_cookie", "set_signed_cookie"})
SESSION_WORDS = frozenset(
    {"session", "sessionid", "sid", "token", "auth", "jwt", "remember", "refresh", "sso", "jsessionid", "phpsessid"}
)
# CSRF cookies must be readable by script for double-submit schemes: never session-like.
CSRF_WORDS = frozenset({"csrf", "xsrf", "csrftoken"})
FLAG_SETTINGS = {
    "SESSION_COOKIE_SECURE": "Secure",
    "SESSION_COOKIE_HTTPONLY": "HttpOnly",
    "REMEMBER_COOKIE_SECURE": "Secure",
    "REMEMBER_COOKIE_HTTPONLY": "HttpOnly",
    "CSRF_COOKIE_SECURE": "Secure",
}


# SameSite settings and the Secure setting each needs: browsers reject (Chrome, Firefox) or
# send cross-site over plain HTTP (older ones) a SameSite=None cookie that is not Secure.
# https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value
# Django's and Flask's *_SECURE settings default to False, so unset counts as off.
SAMESITE_SETTINGS = {
    "SESSION_COOKIE_SAMESITE": "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE": "CSRF_COOKIE_SECURE",
    "REMEMBER_COOKIE_SAMESITE": "REMEMBER_COOKIE_SECURE",
}
_FIX_FLAGS = "turn on its Secure and HttpOnly flags"
_FIX_SAMESITE = "set Secure too (browsers drop or leak SameSite=None cookies that are not Secure)"
_FIX_VALUE = "keep identity and roles in the server-side session, not in a cookie the request chose"
# Cookie names that carry an identity or a privilege (role=admin, user_id=42, is_admin=1).
_IDENTITY_HEADS = frozenset({"id", "uid", "userid", "username", "user", "account", "tenant", "login"})
_IDENTITY_SUBJECTS = frozenset({"user", "uid", "userid", "username", "account", "tenant", "login"})
_PRIVILEGE_WORDS = frozenset({"role", "roles", "admin", "superuser", "staff", "moderator", "permissions", "perms", "privileges"})
_NOT_IDENTITY = frozenset({"last", "next", "prev", "previous", "first", "preferred", "default"})
# Config classes for development and tests (class DevelopmentConfig, TestingConfig).
_DEV_CLASS = lazy_compile(r"(?:^|[a-z_])(?:Dev|Devel|Development|Local|Test|Tests|Testing|CI)(?:[A-Z_]|$)")


def _setting_hit(value: ast.AST, setting: str, ctx: FileContext) -> Hit:
    """A cookie flag setting switched off: high, low when only a plain-HTTP branch switches
    Secure off (`_plain_http_branch`)."""
    cookie = setting.split("_", 1)[0].lower()
    fix = "turn on its Secure flag" if cookie == "csrf" else _FIX_FLAGS  # script may read CSRF cookies
    low = FLAG_SETTINGS[setting] == "Secure" and _plain_http_branch(ctx, value)
    return hit(value, f"'{cookie}' ({setting} = False)", f"is sent without {FLAG_SETTINGS[setting]}", fix, confidence=Confidence.LOW if low else Confidence.HIGH)


# Words of a flag or call that says whether the server is served over TLS: ``ssl``,
# ``use_https``, ``request.is_secure()``; and of a value that names the scheme.
_TLS_WORDS = frozenset({"ssl", "tls", "https", "secure"})
_SCHEME_WORDS = frozenset({"scheme", "protocol", "proto"})
# Words that turn such a flag around: ``DISABLE_HTTPS``, ``KHOJ_NO_HTTPS``, ``without_tls``.
_NEGATING_WORDS = frozenset({"no", "not", "disable", "disabled", "without", "skip"})


def _words_of(expr: ast.AST) -> set:
    """The words of a Name, the last attribute of a chain, or a called method's name."""
    if isinstance(expr, ast.Call):
        expr = expr.func
    name = expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else None
    return set(split_words(name)) if name else set()


def _tls_test(test: ast.AST) -> bool | None:
    """True for a test that holds when TLS is on (``ssl``, ``request.is_secure()``,
    ``scheme == "https"``), False for one that holds when it is off (``not ssl``,
    ``scheme == "http"``), None for any other test."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _tls_test(test.operand)
        return None if inner is None else not inner
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.NotEq)):
        value = test.comparators[0]
        if isinstance(value, ast.Constant) and value.value in ("http", "https") and _words_of(test.left) & (_SCHEME_WORDS | _TLS_WORDS):
            https = value.value == "https"
            return https if isinstance(test.ops[0], ast.Eq) else not https
        return None
    words = _words_of(test)
    if not words & _TLS_WORDS:
        return None
    return not words & _NEGATING_WORDS  # DISABLE_HTTPS holds when TLS is off


def _plain_http_branch(ctx: FileContext, node: ast.AST) -> bool:
    """Inside the branch of an ``if`` that runs only without TLS (``if not ssl:``, the
    ``else`` of ``if use_https:``, ``if request.scheme == "http":``), in the same function:
    Secure cookies are never sent back over plain HTTP, so the setting there is what makes the
    server work, as in a quickstart that writes the environment for a local server."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.Module)):
            return False
        if isinstance(anc, ast.If) and child is not anc.test:
            tls = _tls_test(anc.test)
            if tls is not None:
                return tls is (child in anc.orelse)
        child = anc
    return False


def _samesite_hit(value: ast.AST, setting: str) -> Hit:
    cookie = setting.split("_", 1)[0].lower()
    return hit(value, f"'{cookie}' ({setting} = \"None\")", f"has SameSite=None while {SAMESITE_SETTINGS[setting]} is off", _FIX_SAMESITE, confidence=Confidence.HIGH)


def _is_none_samesite(value: ast.AST | None, ctx: FileContext) -> bool:
    text = ctx.const_str(value) if value is not None else None
    return text is not None and text.strip().lower() == "none"


def _dev_config(ctx: FileContext, node: ast.AST) -> bool:
    """Development or test configuration: a dev settings module, a test file, or a config
    class named for development or tests."""
    if settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename):
        return True
    cls = ctx.enclosing_class(node)
    return cls is not None and bool(_DEV_CLASS.search(cls.name))


def _secure_on(ctx: FileContext, setting: str) -> bool:
    """The module sets `setting` to something other than False (or star-imports settings that
    may): module or class setting, ``config["..."]``, keyword or dict key. Memoised."""
    memo = ctx.__dict__.setdefault("_ais204_secure_on", {})
    if setting in memo:
        return memo[setting]
    found = False
    for node in ctx.nodes:
        value: ast.AST | None = None
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            found = True
        elif isinstance(node, ast.Assign) and any(
            (isinstance(t, ast.Name) and t.id == setting) or (isinstance(t, ast.Subscript) and ctx.const_str(t.slice) == setting)
            for t in node.targets
        ):
            value = node.value
        elif isinstance(node, ast.keyword) and node.arg == setting:
            value = node.value
        elif isinstance(node, ast.Dict):
            value = next((v for k, v in zip(node.keys, node.values) if k is not None and ctx.const_str(k) == setting), None)
        if value is not None and not _is_off(value):
            found = True
        if found:
            break
    memo[setting] = found
    return found


def _identity_cookie(name: str | None) -> bool:
    """``role``, ``user_id``, ``is_admin``, ``username``: a cookie naming who the user is or
    what they may do."""
    words = split_words(name) if name else []
    if not words or words[0] in _NOT_IDENTITY or set(words) & CSRF_WORDS:
        return False
    if set(words) & _PRIVILEGE_WORDS:
        return True
    return words[-1] in _IDENTITY_HEADS and bool(set(words) & _IDENTITY_SUBJECTS)


# Positions of secure / httponly in set_cookie(key, value, max_age, expires, path, domain,
# secure, httponly, samesite) - the same in Werkzeug, Django and Starlette.
_POSITION = {"secure": 6, "httponly": 7, "samesite": 8}
_FLAG_LABEL = {"secure": "Secure", "httponly": "HttpOnly"}


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_off(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and not node.value


def _session_like(name_node: ast.AST | None, value_node: ast.AST | None, ctx: FileContext) -> tuple[str, Confidence] | None:
    name = ctx.const_str(name_node)
    if name is not None:
        words = set(split_words(name))
        if words & CSRF_WORDS:
            return None
        if SESSION_WORDS & words:
            return f"'{name}'", Confidence.HIGH
        return None
    value_name = value_node.id if isinstance(value_node, ast.Name) else getattr(value_node, "attr", None)
    if value_name and (secret_name_kind(value_name) or SESSION_WORDS & set(split_words(value_name))):
        return f"holding '{value_name}'", Confidence.MEDIUM
    return None


def _deletes(call: ast.Call, ctx: FileContext) -> bool:
    """A logout: the cookie is set empty or already expired (``set_cookie("session", "", expires=0)``)."""
    if ctx.const_str(_arg(call, 1, "value")) == "":
        return True
    for index, name in ((2, "max_age"), (3, "expires")):
        value = _arg(call, index, name)
        if isinstance(value, ast.Constant) and value.value == 0:
            return True
    return False


@on(ast.Call, callees=SETTERS, keywords=FLAG_SETTINGS.keys() | SAMESITE_SETTINGS.keys())
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``response.set_cookie(...)``, and the cookie settings passed as keywords to any callee
    (``app.config.update(SESSION_COOKIE_SECURE=False)``, ``override_settings(...)``)."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in SETTERS:
        if any(k.arg is None for k in node.keywords) or _deletes(node, ctx):  # **kwargs: flags unknown
            return
        if _own_wrapper_call(node, ctx):
            return
        yield from _setter_hits(node, ctx)
        return
    # app.config.update(SESSION_COOKIE_SECURE=False), from_mapping(...) and friends
    for kw in node.keywords:
        if kw.arg in FLAG_SETTINGS and _is_off(kw.value) and not _dev_config(ctx, node):
            yield _setting_hit(kw.value, kw.arg, ctx)
        elif kw.arg in SAMESITE_SETTINGS and _is_none_samesite(kw.value, ctx):
            if not _secure_on(ctx, SAMESITE_SETTINGS[kw.arg]) and not _dev_config(ctx, node):
                yield _samesite_hit(kw.value, kw.arg)


# First parameters of a project's own ``set_cookie`` that takes the response or handler to set
# the cookie on, not the cookie's name: ``def set_cookie(self, handler, access_token)``.
_TARGET_WORDS = frozenset({"handler", "request", "response", "req", "resp", "res", "ctx", "context", "reply"})


def _own_wrappers(ctx: FileContext) -> frozenset:
    """Names of the module's own cookie setters (`SETTERS`) whose first parameter (past
    ``self`` / ``cls``) is the response or handler, not the cookie's name. Memoised."""
    memo = ctx.__dict__.get("_ais204_wrappers")
    if memo is None:
        found = set()
        for func in ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
            if func.name not in SETTERS:  # type: ignore[attr-defined]
                continue
            params = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]  # type: ignore[attr-defined]
            if params and params[0] in ("self", "cls"):
                params = params[1:]
            if params and set(split_words(params[0])) & _TARGET_WORDS:
                found.add(func.name)  # type: ignore[attr-defined]
        memo = ctx.__dict__["_ais204_wrappers"] = frozenset(found)
    return memo


def _own_wrapper_call(node: ast.Call, ctx: FileContext) -> bool:
    """``self.set_cookie(handler, token)``, ``self.hub_auth.set_cookie(self, token)``: a call
    to the module's own wrapper (`_own_wrappers`), whose first argument is ``self`` or named
    for the handler, request or response (`_TARGET_WORDS`), not a cookie name. The wrapper's body sets the flags; its own ``set_cookie`` call is judged."""
    first = node.args[0] if node.args else None
    if not isinstance(first, (ast.Name, ast.Attribute)) or ctx.const_str(first) is not None:
        return False
    if not (isinstance(first, ast.Name) and first.id == "self") and not _words_of(first) & _TARGET_WORDS:
        return False
    return node.func.attr in _own_wrappers(ctx)  # type: ignore[attr-defined]


def _setter_hits(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``set_cookie(...)``: missing flags on a session-like cookie, SameSite=None without
    Secure, and an identity or role cookie whose value the request chose."""
    key = _arg(node, 0, "key")
    value_node = _arg(node, 1, "value")
    found = _session_like(key, value_node, ctx)
    secure = _arg(node, _POSITION["secure"], "secure")
    missing = []
    if found is not None:
        label, conf = found
        explicit_off = None
        for flag in ("secure", "httponly"):
            value = _arg(node, _POSITION[flag], flag)
            if value is None or _is_off(value):
                missing.append(_FLAG_LABEL[flag])
                if value is not None and explicit_off is None:
                    explicit_off = value
        if missing:
            yield hit(explicit_off or node, label, f"is sent without {' and '.join(missing)}", _FIX_FLAGS, confidence=conf)
    name = ctx.const_str(key)
    label = f"'{name}'" if name is not None else "set here"
    samesite = _arg(node, _POSITION["samesite"], "samesite")
    if "Secure" not in missing and (secure is None or _is_off(secure)) and _is_none_samesite(samesite, ctx):
        yield hit(samesite, label, "has SameSite=None without Secure", _FIX_SAMESITE, confidence=Confidence.MEDIUM if found is None else Confidence.HIGH)
    if value_node is not None and _identity_cookie(name):
        seen, origins = ctx.taint.judge(value_node, "header")
        if seen == "source":
            yield hit(value_node, label, f"takes its value from {', '.join(origins) or 'the request'}", _FIX_VALUE, confidence=Confidence.HIGH)


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    for key, value in zip(node.keys, node.values):
        if isinstance(key, ast.Constant) and key.value in FLAG_SETTINGS and _is_off(value):
            if not _dev_config(ctx, node):
                yield _setting_hit(value, key.value, ctx)
        elif isinstance(key, ast.Constant) and key.value in SAMESITE_SETTINGS and _is_none_samesite(value, ctx):
            if not _secure_on(ctx, SAMESITE_SETTINGS[key.value]) and not _dev_config(ctx, node):
                yield _samesite_hit(value, key.value)


@on(ast.Assign, names=FLAG_SETTINGS.keys() | SAMESITE_SETTINGS.keys())
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    off, samesite = _is_off(node.value), _is_none_samesite(node.value, ctx)
    if not (off or samesite) or _dev_config(ctx, node):
        return
    for target in node.targets:
        name = None
        scope = ctx.scope_of(node)
        if isinstance(target, ast.Name) and (scope is ctx.tree or isinstance(scope, ast.ClassDef)):
            name = target.id  # a settings module, or a Flask config class (from_object)
        elif isinstance(target, ast.Subscript):
            name = ctx.const_str(target.slice)
        if off and name in FLAG_SETTINGS:
            yield _setting_hit(node.value, name, ctx)
        elif samesite and name in SAMESITE_SETTINGS and not _secure_on(ctx, SAMESITE_SETTINGS[name]):
            yield _samesite_hit(node.value, name)
