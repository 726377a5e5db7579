"""AIS204 insecure-cookie: a session-like cookie without the Secure or HttpOnly flag.

## What it does
Flags ``response.set_cookie(...)`` and ``set_signed_cookie(...)`` (Flask / Werkzeug,
Django, Starlette / FastAPI; all default both flags to False) when the cookie is
session-like and ``secure`` or ``httponly`` is missing or a constant false. A cookie is
session-like when its name says so (``session``, ``sessionid``, ``sid``, ``token``,
``auth``, ``jwt``, ``remember``, ``login``, ``access``, ``refresh``, ``sso``) or, for a
non-constant name, when the value's name is a token or session name. Also flags settings
that switch the flags off: ``SESSION_COOKIE_SECURE``, ``SESSION_COOKIE_HTTPONLY``,
``REMEMBER_COOKIE_SECURE``, ``REMEMBER_COOKIE_HTTPONLY`` or ``CSRF_COOKIE_SECURE`` set to
``False`` (module settings, ``app.config[...]``, ``app.config.update(...)``), except in
development and test settings modules (``settings/dev.py``, ``test_settings.py``), where
local plain-HTTP servers need them off. Deleting a cookie (an empty value, ``max_age=0`` or
``expires=0``) is not setting one.

## Why is this bad?
Without Secure the browser sends the cookie over plain HTTP, where anyone on the network can
read it; without HttpOnly any injected script can read it. Either way the session is
stolen and the account taken over.

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
trusted. CSRF cookies (``csrf_token``, ``XSRF-TOKEN``, ``csrftoken``) are not checked:
double-submit schemes must read them from script.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute](https://cwe.mitre.org/data/definitions/614.html)
- [CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag](https://cwe.mitre.org/data/definitions/1004.html)
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


def _setting_hit(value: ast.AST, setting: str) -> Hit:
    cookie = setting.split("_", 1)[0].lower()
    return hit(value, f"'{cookie}' ({setting} = False)", FLAG_SETTINGS[setting], confidence=Confidence.HIGH)
# Positions of secure / httponly in set_cookie(key, value, max_age, expires, path, domain,
# secure, httponly, samesite) - the same in Werkzeug, Django and Starlette.
_POSITION = {"secure": 6, "httponly": 7}
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


@on(ast.Call)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in SETTERS:
        if any(k.arg is None for k in node.keywords):  # **kwargs: flags unknown
            return
        found = _session_like(_arg(node, 0, "key"), _arg(node, 1, "value"), ctx)
        if found is None or _deletes(node, ctx):
            return
        label, conf = found
        missing = []
        explicit_off = None
        for flag in ("secure", "httponly"):
            value = _arg(node, _POSITION[flag], flag)
            if value is None or _is_off(value):
                missing.append(_FLAG_LABEL[flag])
                if value is not None and explicit_off is None:
                    explicit_off = value
        if missing:
            yield hit(explicit_off or node, label, " and ".join(missing), confidence=conf)
        return
    # app.config.update(SESSION_COOKIE_SECURE=False) and friends
    for kw in node.keywords:
        if kw.arg in FLAG_SETTINGS and _is_off(kw.value):
            yield _setting_hit(kw.value, kw.arg)


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    for key, value in zip(node.keys, node.values):
        if isinstance(key, ast.Constant) and key.value in FLAG_SETTINGS and _is_off(value):
            yield _setting_hit(value, key.value)


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if not _is_off(node.value) or settings_profile(ctx) == "development":
        return
    for target in node.targets:
        name = None
        if isinstance(target, ast.Name) and ctx.scope_of(node) is ctx.tree:
            name = target.id
        elif isinstance(target, ast.Subscript):
            name = ctx.const_str(target.slice)
        if name in FLAG_SETTINGS:
            yield _setting_hit(node.value, name)
