"""AIS213 csrf-protection-disabled: CSRF protection switched off where a cookie signs users in.

## What it does
Flags:

- Django ``@csrf_exempt`` (also ``method_decorator(csrf_exempt, ...)`` on a class-based view
  or its ``dispatch``) on a view that serves POST, PUT, PATCH or DELETE (``@require_POST``,
  ``@require_http_methods([...])``, ``request.method == "POST"`` in the body, ``post`` /
  ``put`` / ``patch`` / ``delete`` methods) and knows its user from the session cookie
  (``@login_required``, a login mixin, ``request.user`` or ``request.session`` in the body);
- Flask-WTF ``@csrf.exempt`` / ``csrf.exempt(view)`` on such a Flask view (``@login_required``,
  ``current_user``, the ``session``);
- ``MIDDLEWARE`` in a Django settings module that has ``SessionMiddleware`` or
  ``AuthenticationMiddleware`` but no CSRF middleware, and
  ``MIDDLEWARE.remove("django.middleware.csrf.CsrfViewMiddleware")``;
- Flask-WTF ``WTF_CSRF_ENABLED = False`` (module or config-class setting, ``app.config[...]``,
  ``app.config.update(...)`` / ``from_mapping(...)``, dict literals).

Not reported: Django REST framework views (``@api_view``, ``APIView``: DRF exempts them and
enforces CSRF itself for session authentication), views that authenticate without cookies
(an HMAC-signed webhook, an API client posting its secret) and nothing else, public views
(login, sign-up), GET-only views, and development and test configuration (dev or test
settings modules, config classes named for development or tests, ``if app.testing:``
branches, test files).

## Why is this bad?
A browser adds the session cookie to every request to the site, including a form another
site submits. Without a CSRF token check, any page the signed-in user visits can post to a
state-changing view in the user's name: change the e-mail address, transfer money, delete
data.

## Example
```python
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

@csrf_exempt
@login_required
@require_POST
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})
```

## Use instead
```python
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

@login_required
@require_POST
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})
```

## Known problems
A CSRF-exempt view that checks a token of its own (a custom header the front end sends) is
reported unless the check reads like a credential check; suppress the line. Exemptions made
in ``urls.py`` (``path("x/", csrf_exempt(view))``) and a ``CSRFProtect`` never initialised
are not reported. A ``MIDDLEWARE`` list built from other names is not judged.

## Options
``aisec-auth-decorators`` names your own login decorators (evidence of cookie sign-in).

## References
- [CWE-352: Cross-Site Request Forgery (CSRF)](https://cwe.mitre.org/data/definitions/352.html)
- [OWASP Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
- [Django: Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/ref/csrf/)
- [Flask-WTF: CSRF Protection](https://flask-wtf.readthedocs.io/en/latest/csrf/)
- [Django REST framework: CSRF validation](https://www.django-rest-framework.org/topics/ajax-csrf-cors/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.auth import Handler, handler_of, handlers, protection
from ..analysis.frameworks import REQUEST_NAMES, settings_profile
from ..analysis.taint import mentions, nodes_spelling, own_nodes
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# https://docs.djangoproject.com/en/stable/ref/csrf/#django.views.decorators.csrf.csrf_exempt
CSRF_EXEMPT = frozenset({"django.views.decorators.csrf.csrf_exempt"})
METHOD_DECORATOR = frozenset({"django.utils.decorators.method_decorator"})
# https://flask-wtf.readthedocs.io/en/latest/api/#flask_wtf.csrf.CSRFProtect
CSRF_PROTECT = frozenset(
    {"flask_wtf.csrf.CSRFProtect", "flask_wtf.CSRFProtect", "flask_wtf.csrf.CsrfProtect", "flask_wtf.CsrfProtect"}
)
# Flask-WTF: WTF_CSRF_ENABLED (default True) turns CSRF protection off for every form.
# https://flask-wtf.readthedocs.io/en/latest/config/
CSRF_SETTINGS = frozenset({"WTF_CSRF_ENABLED"})
# Django: https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.csrf
MIDDLEWARE_SETTINGS = frozenset({"MIDDLEWARE", "MIDDLEWARE_CLASSES"})
_COOKIE_MIDDLEWARE = ("SessionMiddleware", "AuthenticationMiddleware")
CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware"
# Config classes, functions and branches for development and tests.
_DEV_CLASS = lazy_compile(r"(?:^|[a-z_])(?:Dev|Devel|Development|Local|Test|Tests|Testing|CI)(?:[A-Z_]|$)")
_DEV_WORDS = frozenset({"test", "tests", "testing", "dev", "development", "debug", "local", "fixture", "pytest", "conftest"})
_SESSION_ATTRS = frozenset({"user", "session"})
_FLASK_IDENTITY = frozenset({"flask_login.current_user", "flask.session", "quart.session", "flask.g.user"})


def _exempt_config(ctx: FileContext, node: ast.AST) -> bool:
    """Development or test configuration: a dev settings module, a test file, a config class,
    function or ``if`` branch for development or tests."""
    if settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename):
        return True
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.ClassDef) and _DEV_CLASS.search(anc.name):
            return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef)) and set(split_words(anc.name)) & _DEV_WORDS:
            return True
        if isinstance(anc, ast.If) and any(child is s for s in anc.body) and _dev_test(anc.test):
            return True
        child = anc
    return False


def _dev_test(test: ast.AST) -> bool:
    """``if app.testing:``, ``if app.config["TESTING"]:``, ``if settings.DEBUG:`` (not negated)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return False
    for sub in ast.walk(test):
        name = sub.attr if isinstance(sub, ast.Attribute) else sub.id if isinstance(sub, ast.Name) else None
        if name is None and isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            name = sub.value
        if name and set(split_words(name)) & _DEV_WORDS:
            return True
    return False


def _is_off(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _setting_hit(value: ast.AST, name: str) -> Hit:
    return hit(value, "every Flask-WTF form", f"{name} = False", "leave it on outside tests", confidence=Confidence.HIGH)


# ---------------------------------------------------------------- exempted views


def _request_reads(func: ast.AST) -> bool:
    """The body reads the signed-in user or the session: ``request.user``, ``request.session``,
    ``self.request.user``."""
    for node in own_nodes(func):
        if isinstance(node, ast.Attribute) and node.attr in _SESSION_ATTRS:
            base = node.value
            if isinstance(base, ast.Name) and base.id in REQUEST_NAMES:
                return True
            if isinstance(base, ast.Attribute) and base.attr == "request":
                return True
    return False


def _flask_identity(ctx: FileContext, func: ast.AST) -> bool:
    return any(
        isinstance(node, (ast.Name, ast.Attribute)) and ctx.qualname(node) in _FLASK_IDENTITY for node in own_nodes(func)
    )


def _cookie_signed_in(ctx: FileContext, h: Handler) -> bool:
    """The handler knows its user from the session cookie."""
    prot = protection(ctx, h)
    if prot.public:
        return False
    if prot.signs_in_users:
        return True
    if prot.auth is not None:  # a credential check in the body: a webhook, an API client
        return False
    body = h.node if isinstance(h.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    if body is None:
        return False
    return _request_reads(body) or _flask_identity(ctx, body)


def _view_label(h: Handler) -> str:
    methods = "/".join(m for m in ("POST", "PUT", "PATCH", "DELETE") if m in h.methods)
    return f"{methods} view '{h.name}'"


def _exempted_handlers(ctx: FileContext, view: ast.AST) -> list[Handler]:
    """Cookie-authenticated state-changing handlers of a view function or class."""
    if isinstance(view, ast.ClassDef):
        found = [h for h in handlers(ctx) if h.cls is view]
    else:
        h = handler_of(ctx, view)
        cls = ctx.enclosing_class(view)
        if h is None and cls is not None and view.name == "dispatch":  # csrf_exempt on dispatch
            found = [x for x in handlers(ctx) if x.cls is cls]
        else:
            found = [h] if h is not None else []
    return [h for h in found if h.framework in ("django", "flask") and h.mutating and _cookie_signed_in(ctx, h)]


def _exempt_target(ctx: FileContext, dec: ast.expr) -> ast.expr | None:
    """The ``csrf_exempt`` / ``csrf.exempt`` node of a decorator, if it is one."""
    if ctx.qualname(dec) in CSRF_EXEMPT:
        return dec
    if isinstance(dec, ast.Call) and ctx.call_name(dec) in METHOD_DECORATOR and dec.args:
        first = dec.args[0]
        elts = first.elts if isinstance(first, (ast.List, ast.Tuple)) else [first]
        return next((e for e in elts if ctx.qualname(e) in CSRF_EXEMPT), None)
    if _is_flask_exempt(ctx, dec):
        return dec
    return None


def _is_flask_exempt(ctx: FileContext, func: ast.AST) -> bool:
    """``csrf.exempt`` where ``csrf = CSRFProtect(...)``."""
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "exempt"
        and isinstance(func.value, ast.Name)
        and ctx.instance_of(func.value) in CSRF_PROTECT
    )


def _view_hit(target: ast.AST, h: Handler, how: str) -> Hit:
    fix = "remove it and send the CSRF token with the request"
    return hit(target, _view_label(h), f"{how} on a view signed in by cookie", fix, confidence=Confidence.HIGH)


def _mentions_exempt(ctx: FileContext) -> bool:
    """Gate of `check_exempt_view`: every decorator `_exempt_target` accepts spells
    ``exempt`` (``csrf_exempt`` through its import, ``csrf.exempt``)."""
    return mentions(ctx, "exempt")


@on(ast.Module, when=_mentions_exempt)
def check_exempt_views(node: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """`check_exempt_view` on each def and class, read only from the top-level statements
    that spell ``exempt`` or a name imported as ``csrf_exempt`` (`nodes_spelling`): every
    decorator `_exempt_target` accepts resolves to `CSRF_EXEMPT` (through such a name, or a
    chain ending in ``csrf_exempt``) or is a ``.exempt`` attribute, and lies in the
    statement of the def it decorates."""
    for found in nodes_spelling(ctx, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef), "exempt", CSRF_EXEMPT):
        yield from check_exempt_view(found, ctx)


def check_exempt_view(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    """``@csrf_exempt`` / ``@csrf.exempt`` on a state-changing view signed in by cookie."""
    for dec in node.decorator_list:
        target = _exempt_target(ctx, dec)
        if target is None:
            continue
        found = _exempted_handlers(ctx, node)
        if found:
            how = "@csrf.exempt" if _is_flask_exempt(ctx, target) else "@csrf_exempt"
            yield _view_hit(target, found[0], how)
        return


@on(ast.Call, callees=frozenset({"exempt", "remove", "update", "from_mapping", "dict"}))
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if _is_flask_exempt(ctx, func) and node.args and isinstance(node.args[0], ast.Name):
        view = ctx.lookup(node.args[0].id, node.args[0])
        if view is not None and view[0] == "local":
            binds = view[1]  # type: ignore[union-attr]
            defs = [b.target for b in binds if isinstance(b.target, (ast.FunctionDef, ast.AsyncFunctionDef))]
            found = _exempted_handlers(ctx, defs[0]) if len(defs) == 1 else []
            if found:
                yield _view_hit(func, found[0], "csrf.exempt()")
        return
    if isinstance(func, ast.Attribute) and func.attr == "remove" and isinstance(func.value, ast.Name):
        if func.value.id in MIDDLEWARE_SETTINGS and node.args and _is_csrf_entry(ctx.const_str(node.args[0])):
            if settings_profile(ctx) == "production":
                what = f"{func.value.id}.remove() takes out CsrfViewMiddleware"
                yield hit(node.args[0], "every view", what, f"keep '{CSRF_MIDDLEWARE}'", confidence=Confidence.HIGH)
        return
    for kw in node.keywords:
        if kw.arg in CSRF_SETTINGS and _is_off(kw.value) and not _exempt_config(ctx, node):
            yield _setting_hit(kw.value, kw.arg)


# ---------------------------------------------------------------- settings


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    for key, value in zip(node.keys, node.values):
        if key is None:
            continue
        # `const_str` of a str literal is its value: asked only of other keys.
        name = key.value if key.__class__ is ast.Constant and key.value.__class__ is str else ctx.const_str(key)
        if name in CSRF_SETTINGS and _is_off(value) and not _exempt_config(ctx, node):
            yield _setting_hit(value, name)


def _is_csrf_entry(entry: str | None) -> bool:
    return entry is not None and "csrf" in entry.rsplit(".", 1)[-1].lower()


def _csrf_added_elsewhere(ctx: FileContext, assign: ast.AST) -> bool:
    """A CSRF middleware named anywhere else in the module (``MIDDLEWARE += [...]``,
    ``MIDDLEWARE.insert(0, ...)``), except in a ``remove()`` call."""
    for node in ctx.nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _is_csrf_entry(node.value):
            if any(a is assign for a in ctx.ancestors(node)):
                continue
            parent = ctx.parent(node)
            if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr == "remove":
                continue
            return True
    return False


def _middleware_hit(node: ast.Assign, name: str, ctx: FileContext) -> Iterator[Hit]:
    value = node.value
    if not isinstance(value, (ast.List, ast.Tuple)) or settings_profile(ctx) != "production":
        return
    entries = [ctx.const_str(e) for e in value.elts]
    if any(e is None for e in entries):  # built from other names: not judged
        return
    last = [e.rsplit(".", 1)[-1] for e in entries if e]
    if not any(part in _COOKIE_MIDDLEWARE for part in last) or any(_is_csrf_entry(e) for e in entries):
        return
    if _csrf_added_elsewhere(ctx, node):
        return
    what = f"{name} has SessionMiddleware but no CsrfViewMiddleware"
    yield hit(value, "every view", what, f"add '{CSRF_MIDDLEWARE}'", confidence=Confidence.HIGH)


@on(ast.Assign, names=MIDDLEWARE_SETTINGS | CSRF_SETTINGS)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    for target in node.targets:
        name = None
        scope = ctx.scope_of(node)
        if isinstance(target, ast.Name) and (scope is ctx.tree or isinstance(scope, ast.ClassDef)):
            name = target.id
            if name in MIDDLEWARE_SETTINGS and scope is ctx.tree:
                yield from _middleware_hit(node, name, ctx)
                return
        elif isinstance(target, ast.Subscript):
            name = ctx.const_str(target.slice)
        if name in CSRF_SETTINGS and _is_off(node.value) and not _exempt_config(ctx, node):
            yield _setting_hit(node.value, name)
            return
