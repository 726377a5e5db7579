"""AIS603 insecure-django-setting: a Django production settings module that weakens a protection.

## What it does
In a Django production settings module (recognised by its name and content; development and
test settings such as ``settings/dev.py``, ``local.py`` or ``test_settings.py`` are left alone),
or in ``django.conf.settings.configure(...)`` of a single-file app, flags settings that
``manage.py check --deploy`` warns about:

- ``ALLOWED_HOSTS`` holding ``"*"`` (high), or read from the environment with ``"*"`` as the
  default (``os.environ.get("ALLOWED_HOSTS", "*").split(",")``, medium);
- ``SECURE_SSL_REDIRECT = False`` and ``SECURE_HSTS_SECONDS = 0`` (medium: a proxy in front
  may redirect and send HSTS itself);
- a literal ``MIDDLEWARE`` list of Django middleware without
  ``django.middleware.security.SecurityMiddleware`` (high when the module turns on a
  ``SECURE_*`` setting that then does nothing, medium otherwise);
- ``X_FRAME_OPTIONS`` set to anything but ``"DENY"`` or ``"SAMEORIGIN"`` (``"ALLOWALL"``, the
  obsolete ``"ALLOW-FROM ..."``, which browsers ignore);
- ``SECURE_PROXY_SSL_HEADER`` whose value is ``"http"`` (plain HTTP counted as secure, high), or
  whose header is written as an HTTP header name (``"X-Forwarded-Proto"``) rather than the
  ``request.META`` key ``"HTTP_X_FORWARDED_PROTO"``, so that it never matches (medium);
- ``SECURE_CONTENT_TYPE_NOSNIFF = False``;
- ``SECURE_REFERRER_POLICY = "unsafe-url"`` (medium).

Settings under a branch taken in debug or tests (``if DEBUG:``, ``... if DEBUG else ...``) and
settings rebound later in the module are not reported. Cookie flags
(``SESSION_COOKIE_SECURE``, ``CSRF_COOKIE_SECURE``) are AIS204's (insecure-cookie), ``DEBUG``
is AIS601's and CORS settings are AIS604's.

## Why is this bad?
With ``ALLOWED_HOSTS = ["*"]`` Django builds absolute URLs (password-reset links, redirects,
cache keys) from whatever Host header the attacker sends. Without the SSL redirect and HSTS, a
user's first request goes over plain HTTP, where a network attacker strips TLS for the whole
visit. Without ``SecurityMiddleware`` none of the ``SECURE_*`` settings take effect. A weakened
``X-Frame-Options`` lets any site frame the pages for clickjacking, and turning off
``nosniff`` lets a browser run an uploaded file as script. A proxy header whose value is
``"http"`` makes Django treat plain-HTTP requests as secure.

## Example
```python
from django.conf import settings

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    X_FRAME_OPTIONS="ALLOWALL",
)
```

## Use instead
```python
from django.conf import settings

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["shop.example.com"],
    X_FRAME_OPTIONS="DENY",
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
)
```

## Known problems
Only literal values are judged: settings built by helpers or read from other modules are
not. A base module whose values a production module overrides is judged on its own, as it is
a production settings module by name; suppress the line there. Whether the proxy really sets
and strips the ``SECURE_PROXY_SSL_HEADER`` header cannot be seen from code.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [CWE-1021: Improper Restriction of Rendered UI Layers or Frames](https://cwe.mitre.org/data/definitions/1021.html)
- [CWE-693: Protection Mechanism Failure](https://cwe.mitre.org/data/definitions/693.html)
- [CWE-20: Improper Input Validation](https://cwe.mitre.org/data/definitions/20.html)
- [Django: Deployment checklist](https://docs.djangoproject.com/en/stable/howto/deployment/checklist/)
- [Django: System check framework, security checks (security.W004, W008, W019, W020, W022)](https://docs.djangoproject.com/en/stable/ref/checks/#security)
- [Django: Host header validation, ALLOWED_HOSTS](https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation)
- [Django: Security middleware](https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security)
- [Django: SECURE_PROXY_SSL_HEADER](https://docs.djangoproject.com/en/stable/ref/settings/#secure-proxy-ssl-header)
- [Django: Clickjacking protection, X_FRAME_OPTIONS](https://docs.djangoproject.com/en/stable/ref/clickjacking/)
- [OWASP HTTP Security Response Headers Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import settings_profile
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware"
# https://docs.djangoproject.com/en/stable/topics/settings/#using-settings-without-setting-django-settings-module
CONFIGURE = frozenset({"django.conf.settings.configure"})
# Settings that SecurityMiddleware implements: set but without the middleware, they do nothing.
# https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security
_MIDDLEWARE_SETTINGS = ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY")
# https://docs.djangoproject.com/en/stable/ref/clickjacking/#setting-x-frame-options-for-all-responses
_FRAME_OK = frozenset({"DENY", "SAMEORIGIN"})
_ENV_READS = frozenset({"os.getenv", "os.environ.get"})
_DEV_WORDS = frozenset({"debug", "dev", "devel", "development", "local", "test", "tests", "testing"})
_JUDGED = frozenset(
    {
        "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "MIDDLEWARE", "X_FRAME_OPTIONS",
        "SECURE_PROXY_SSL_HEADER", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    }
)


def _gate_test(test: ast.AST) -> bool:
    """A test that reads a debug, development or test flag (``DEBUG``, ``settings.TESTING``)."""
    for sub in ast.walk(test):
        name = sub.attr if isinstance(sub, ast.Attribute) else sub.id if isinstance(sub, ast.Name) else None
        if name and set(split_words(name)) & _DEV_WORDS:
            return True
    return False


def _dev_branch(ctx: FileContext, node: ast.AST) -> bool:
    """`node` runs only in debug or tests: the body of ``if DEBUG:`` / ``x if DEBUG else y``,
    or the ``else`` of ``if not DEBUG:``."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.If, ast.IfExp)) and child is not anc.test and _gate_test(anc.test):
            negated = isinstance(anc.test, ast.UnaryOp) and isinstance(anc.test.op, ast.Not)
            in_body = child is anc.body if isinstance(anc, ast.IfExp) else any(child is s for s in anc.body)
            if in_body != negated:
                return True
        child = anc
    return False


def _rebound_later(ctx: FileContext, node: ast.stmt, name: str) -> bool:
    """A later module-level statement binds `name` again, outside a debug or test branch
    (``ALLOWED_HOSTS = ["*"]`` then ``if not DEBUG: ALLOWED_HOSTS = [...]``)."""
    for binding in ctx.bindings.get(ctx.tree, {}).get(name, ()):
        target = binding.target
        if binding.kind == "assign" and getattr(target, "lineno", 0) > node.lineno and not _dev_branch(ctx, target):
            return True
    return False


def _applies(ctx: FileContext, node: ast.stmt) -> bool:
    return (
        ctx.scope_of(node) is ctx.tree
        and settings_profile(ctx) == "production"
        and not ctx.settings.is_test_path(ctx.filename)
        and not _dev_branch(ctx, node)
    )


def _strings(node: ast.AST, ctx: FileContext) -> list[tuple[ast.AST, str]] | None:
    """Items of a list / tuple / set literal of strings, or None when it is not one."""
    if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return None
    out = []
    for elt in node.elts:
        text = ctx.const_str(elt)
        if text is not None:
            out.append((elt, text))
    return out


def _module_values(ctx: FileContext, setting: str) -> list[ast.AST]:
    return [b.value for b in ctx.bindings.get(ctx.tree, {}).get(setting, ()) if b.value is not None]


def _truthy(value: ast.AST) -> bool:
    return not (isinstance(value, ast.Constant) and not value.value)


# ---------------------------------------------------------------- one check per setting


def _allowed_hosts(value: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    fix = "list the site's host names"
    what = "accepts any Host header, which then builds password-reset links and redirects"
    if ctx.const_str(value) == "*":
        yield hit(value, "ALLOWED_HOSTS = '*'", what, fix, confidence=Confidence.HIGH)
        return
    items = _strings(value, ctx)
    if items is not None:
        for elt, text in items:
            if text.strip() == "*":
                yield hit(elt, "ALLOWED_HOSTS = ['*']", what, fix, confidence=Confidence.HIGH)
        return
    # os.environ.get("ALLOWED_HOSTS", "*").split(","): the wildcard when the variable is unset.
    for sub in ast.walk(value):
        if isinstance(sub, ast.Call) and ctx.call_name(sub) in _ENV_READS and len(sub.args) >= 2:
            default = ctx.const_str(sub.args[1])
            if default is not None and "*" in [part.strip() for part in default.split(",")]:
                yield hit(sub.args[1], "ALLOWED_HOSTS = os.environ.get(..., '*')", "accepts any Host header when the variable is unset",
                          "default to the site's host names", confidence=Confidence.MEDIUM)


def _middleware(target: ast.AST, value: ast.AST, ctx: FileContext, values) -> Iterator[Hit]:
    if not isinstance(value, (ast.List, ast.Tuple)):
        return
    items = _strings(value, ctx)
    if items is None or len(items) != len(value.elts) or not any(t.startswith("django.") for _, t in items):
        return  # built from other names, or not Django's stack
    if _names_security_middleware(ctx):
        return
    secure_on = any(
        _truthy(v) for s in _MIDDLEWARE_SETTINGS if s != "SECURE_CONTENT_TYPE_NOSNIFF" for v in values(s)
    )
    why = "leaves the SECURE_* settings without effect" if secure_on else "sends no HSTS, HTTPS redirect or nosniff header"
    yield hit(
        target, f"MIDDLEWARE without {SECURITY_MIDDLEWARE.rsplit('.', 1)[-1]}", why,
        f"put '{SECURITY_MIDDLEWARE}' first in MIDDLEWARE",
        confidence=Confidence.HIGH if secure_on else Confidence.MEDIUM,
    )


def _names_security_middleware(ctx: FileContext) -> bool:
    """The module names SecurityMiddleware anywhere (another list, ``MIDDLEWARE.insert(...)``)."""
    found = ctx.__dict__.get("_ais603_security_mw")
    if found is None:
        found = any(
            isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.endswith("SecurityMiddleware")
            for n in ctx.nodes
        )
        ctx.__dict__["_ais603_security_mw"] = found
    return found


def _proxy_header(value: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    if not (isinstance(value, ast.Tuple) and len(value.elts) == 2):
        return
    header, secure = ctx.const_str(value.elts[0]), ctx.const_str(value.elts[1])
    if secure is not None and secure.strip().lower() in ("http", ""):
        yield hit(
            value.elts[1], f"SECURE_PROXY_SSL_HEADER = (..., '{secure}')", "marks plain-HTTP requests as secure",
            "use the value the proxy sends for HTTPS: ('HTTP_X_FORWARDED_PROTO', 'https')", confidence=Confidence.HIGH,
        )
    elif header is not None and ("-" in header or header != header.upper()):
        meta = "HTTP_" + header.upper().replace("-", "_").removeprefix("HTTP_")
        yield hit(
            value.elts[0], f"SECURE_PROXY_SSL_HEADER = ('{header}', ...)",
            "never matches a request.META key, so HTTPS requests count as insecure (no strict Referer check)",
            f"write the META key '{meta}'", confidence=Confidence.MEDIUM,
        )


def _judge(name: str, target: ast.AST, value: ast.AST, ctx: FileContext, values) -> Iterator[Hit]:
    """Judge one setting; `target` is where a missing middleware is reported and
    `values(setting)` gives the values the same configuration binds to another setting."""
    if name == "ALLOWED_HOSTS":
        yield from _allowed_hosts(value, ctx)
    elif name == "MIDDLEWARE":
        yield from _middleware(target, value, ctx, values)
    elif name == "SECURE_PROXY_SSL_HEADER":
        yield from _proxy_header(value, ctx)
    elif not isinstance(value, ast.Constant):
        return
    elif name == "SECURE_SSL_REDIRECT" and value.value is False:
        yield hit(value, "SECURE_SSL_REDIRECT = False", "leaves pages reachable over plain HTTP",
                  "set it to True, unless the proxy in front redirects to HTTPS", confidence=Confidence.MEDIUM)
    elif name == "SECURE_HSTS_SECONDS" and type(value.value) is int and value.value <= 0:
        yield hit(value, "SECURE_HSTS_SECONDS = 0", "sends no Strict-Transport-Security header",
                  "set it (up to a year, 31536000) once every page is served over HTTPS", confidence=Confidence.MEDIUM)
    elif name == "SECURE_CONTENT_TYPE_NOSNIFF" and value.value is False:
        yield hit(value, "SECURE_CONTENT_TYPE_NOSNIFF = False", "lets browsers run uploaded files as script or HTML",
                  "leave it True", confidence=Confidence.HIGH)
    elif name == "X_FRAME_OPTIONS" and isinstance(value.value, str) and value.value.strip().upper() not in _FRAME_OK:
        yield hit(value, f"X_FRAME_OPTIONS = '{value.value[:40]}'", "lets other sites frame these pages (clickjacking)",
                  "use 'DENY' or 'SAMEORIGIN'", confidence=Confidence.HIGH)
    elif name == "SECURE_REFERRER_POLICY" and isinstance(value.value, str) and "unsafe-url" in value.value.lower():
        yield hit(value, "SECURE_REFERRER_POLICY = 'unsafe-url'", "sends full URLs, query strings included, to every other site",
                  "use 'same-origin' or 'strict-origin-when-cross-origin'", confidence=Confidence.MEDIUM)


@on(ast.Assign, ast.AnnAssign, names=_JUDGED)
def check_assign(node: ast.Assign | ast.AnnAssign, ctx: FileContext) -> Iterator[Hit]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if node.value is None:
        return
    for target in targets:
        if not (isinstance(target, ast.Name) and target.id in _JUDGED):
            continue
        if not _applies(ctx, node) or _rebound_later(ctx, node, target.id):
            continue
        yield from _judge(target.id, target, node.value, ctx, lambda setting: _module_values(ctx, setting))


@on(ast.AugAssign, names={"ALLOWED_HOSTS"})
def check_augassign(node: ast.AugAssign, ctx: FileContext) -> Iterator[Hit]:
    """``ALLOWED_HOSTS += ["*"]``."""
    if isinstance(node.target, ast.Name) and node.target.id == "ALLOWED_HOSTS" and _applies(ctx, node):
        yield from _allowed_hosts(node.value, ctx)


def _configure(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``settings.configure(ALLOWED_HOSTS=["*"], ...)``: a single-file Django app."""
    if ctx.settings.is_test_path(ctx.filename) or _dev_branch(ctx, node):
        return
    given = {k.arg: k.value for k in node.keywords if k.arg is not None}
    for kw in node.keywords:
        if kw.arg in _JUDGED:
            yield from _judge(kw.arg, kw, kw.value, ctx, lambda setting: [given[setting]] if setting in given else [])


@on(ast.Call, callees={"append", "extend", "insert", "configure"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``settings.configure(...)``, ``ALLOWED_HOSTS.append("*")`` / ``.extend(["*"])``."""
    func = node.func
    if ctx.call_name(node) in CONFIGURE:
        yield from _configure(node, ctx)
        return
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "ALLOWED_HOSTS"):
        return
    if not node.args or not _applies(ctx, ctx.statement_of(node) or node):
        return
    arg = node.args[-1]
    if ctx.const_str(arg) == "*" and func.attr != "extend":
        yield hit(arg, f"ALLOWED_HOSTS.{func.attr}('*')", "accepts any Host header, which then builds password-reset links and redirects",
                  "list the site's host names", confidence=Confidence.HIGH)
    elif func.attr == "extend":
        yield from _allowed_hosts(arg, ctx)
