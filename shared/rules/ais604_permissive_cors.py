"""AIS604 permissive-cors: a CORS policy that lets every website read the responses.

## What it does
Flags a CORS configuration that allows every origin, ranked by whether it also allows
credentials (cookies, HTTP authentication):

- Flask-CORS: ``CORS(app)`` / ``cors.init_app(app)`` whose origins are the default ``"*"``
  (unless the module sets ``CORS_ORIGINS`` in the app's config), ``origins="*"``, a list
  holding ``"*"`` or an origin pattern that matches everything (``r".*"``,
  ``r"https?://.*"``), also inside ``resources={r"/api/*": {"origins": "*"}}``, with
  ``supports_credentials=True`` (keyword, resource option or ``CORS_SUPPORTS_CREDENTIALS``),
  and ``@cross_origin(supports_credentials=True)`` with every origin;
- Starlette / FastAPI ``CORSMiddleware`` (``app.add_middleware(CORSMiddleware, ...)``,
  ``Middleware(CORSMiddleware, ...)``, ``CORSMiddleware(app, ...)``) with
  ``allow_origins=["*"]`` or an ``allow_origin_regex`` that matches everything, with
  ``allow_credentials=True``;
- django-cors-headers ``CORS_ALLOW_ALL_ORIGINS = True`` (or its old name
  ``CORS_ORIGIN_ALLOW_ALL``) or an everything-matching ``CORS_ALLOWED_ORIGIN_REGEXES`` entry in a
  production settings module, when the module sets ``CORS_ALLOW_CREDENTIALS = True``.

Those are high confidence. Without credentials the wildcard still lets every site read what an
anonymous caller gets: Flask-CORS's unchosen default (``CORS(app)``, ``cors.init_app(app)``)
and django-cors-headers' site-wide switch are medium; a wildcard written out in code
(``origins="*"``, ``allow_origins=["*"]``, a bare ``@cross_origin()``), which usually opens a
public API on purpose, is low. A wildcard that is only the default of an environment variable
(``os.getenv("CORS_ORIGINS", "*")``) is one step lower. Explicit origin lists, development and
test settings and files, and branches taken only in debug (``if app.debug:``) are clean.

## Why is this bad?
The same-origin policy is what keeps another website from reading your API's responses in
the visitor's browser. With credentials allowed for every origin, the libraries echo the
caller's ``Origin`` back (Starlette, Flask-CORS and django-cors-headers all do, since browsers
refuse ``*`` with credentials), so any page the signed-in user opens can call the API as that
user and read the answers: account data, CSRF tokens, API keys. Without credentials every site
can still read whatever the server returns to an anonymous caller from inside the user's
network (intranet services, IP-restricted admin APIs).

## Example
```python
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
```

## Use instead
```python
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True
)
```

## Known problems
Origins read from configuration other than this module are trusted. Flask-CORS matches
origin patterns with ``re.match``, so an unanchored pattern such as
``r"https://.*\\.example\\.com"`` also admits ``https://x.example.com.evil.net``; such patterns are
not reported. A public API that is meant for every origin and uses no cookies is reported
at medium confidence; suppress the line with a reason.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
- [Starlette: CORSMiddleware (wildcard with credentials echoes the origin)](https://www.starlette.io/middleware/#corsmiddleware)
- [FastAPI: CORS, wildcard and credentials](https://fastapi.tiangolo.com/tutorial/cors/)
- [Flask-CORS: API, origins default '*' and supports_credentials](https://flask-cors.readthedocs.io/en/latest/api.html)
- [django-cors-headers: CORS_ALLOW_ALL_ORIGINS, CORS_ALLOW_CREDENTIALS](https://github.com/adamchainz/django-cors-headers#configuration)
- [MDN: CORS, requests with credentials](https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#requests_with_credentials)
- [OWASP HTML5 Security Cheat Sheet: Cross Origin Resource Sharing](https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html#cross-origin-resource-sharing)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import settings_profile
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

# Flask-CORS: CORS(app, origins="*" by default, supports_credentials=False, resources=r"/*"),
# https://flask-cors.readthedocs.io/en/latest/api.html; without send_wildcard it echoes the
# request's Origin (flask_cors/core.py get_cors_origins), with credentials when asked.
FLASK_CORS = frozenset({"flask_cors.CORS", "flask_cors.extension.CORS"})
CROSS_ORIGIN = frozenset({"flask_cors.cross_origin", "flask_cors.decorator.cross_origin"})
# Starlette's CORSMiddleware echoes the Origin when allow_credentials is on or the request
# carries a cookie (starlette/middleware/cors.py: preflight_explicit_allow_origin).
CORS_MIDDLEWARE = frozenset(
    {"starlette.middleware.cors.CORSMiddleware", "fastapi.middleware.cors.CORSMiddleware"}
)
MIDDLEWARE_WRAPPERS = frozenset({"starlette.middleware.Middleware", "fastapi.middleware.Middleware"})
# django-cors-headers: with CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS it sends the
# request's Origin instead of "*" (corsheaders/middleware.py add_response_headers).
DJANGO_ALL = ("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL")
DJANGO_REGEXES = ("CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST")
_ENV_READS = frozenset({"os.getenv", "os.environ.get"})
_DEV_WORDS = frozenset({"debug", "dev", "devel", "development", "local", "test", "tests", "testing"})
_DEV_CLASS_WORDS = _DEV_WORDS - {"debug"}
# An origin pattern that admits every origin: optional anchors and scheme, then .* or .+
_SCHEMES = ("(https?://)?", "(http|https)://", "(https|http)://", "https?://", "https://", "http://")
_ANY = frozenset({".*", ".+", "(.*)", "(.+)"})
_FIX = "list the trusted origins"
_WITH_CREDENTIALS = " with credentials, so any website reads responses as the signed-in user"


def _matches_all(pattern: str) -> bool:
    """``"*"``, ``".*"``, ``"^https?://.*$"``, ``r"https?:\\/\\/.+"``: a pattern for every origin."""
    text = pattern.strip()[:80].replace("\\/", "/").removeprefix("^").removesuffix("$")
    if text == "*":
        return True
    for scheme in _SCHEMES:
        if text.startswith(scheme):
            text = text[len(scheme):]
            break
    return text in _ANY


def _true(node: ast.AST | None, ctx: FileContext) -> bool:
    if isinstance(node, ast.Name):
        node = ctx.reaching_value(node)
    return isinstance(node, ast.Constant) and node.value is True


def _gate_test(test: ast.AST) -> bool:
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return False
    for sub in ast.walk(test):
        name = sub.attr if isinstance(sub, ast.Attribute) else sub.id if isinstance(sub, ast.Name) else None
        if name and set(split_words(name)) & _DEV_WORDS:
            return True
    return False


def _exempt(ctx: FileContext, node: ast.AST) -> bool:
    """Development or test code: a dev settings module, a test file, a dev config class or a
    branch taken only in debug or tests."""
    if settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename):
        return True
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.ClassDef) and set(split_words(anc.name)) & _DEV_CLASS_WORDS:
            return True
        if isinstance(anc, ast.If) and any(child is s for s in anc.body) and _gate_test(anc.test):
            return True
        if isinstance(anc, ast.IfExp) and child is anc.body and _gate_test(anc.test):
            return True
        child = anc
    return False


def _origins(node: ast.AST | None, ctx: FileContext, regex: bool = True) -> tuple[ast.AST, bool] | None:
    """``(node to report, from_env)`` when the origins value admits every origin: ``"*"``, a
    list holding ``"*"`` or (when entries are patterns, `regex`) an everything pattern, or an
    environment read defaulting to one."""
    if node is None:
        return None
    admits = _matches_all if regex else (lambda text: text.strip() == "*")
    if isinstance(node, ast.Name):
        bound = ctx.reaching_value(node)
        if bound is not None and not isinstance(bound, ast.Name):
            found = _origins(bound, ctx, regex)
            return (node, found[1]) if found else None
        return None
    text = ctx.const_str(node)
    if text is not None:
        return (node, False) if admits(text) else None
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        for elt in node.elts:
            text = ctx.const_str(elt)
            if text is not None and admits(text):
                return elt, False
        return None
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and ctx.call_name(sub) in _ENV_READS and len(sub.args) >= 2:
            default = ctx.const_str(sub.args[1])
            if default is not None and any(admits(p) for p in default.split(",")):
                return sub.args[1], True
    return None


def _shown(node: ast.AST, ctx: FileContext, from_env: bool) -> str:
    text = ctx.const_str(node)
    if text is None:
        return "..."
    return f"os.environ default {text[:30]!r}" if from_env else repr(text[:30])


def _hit(node: ast.AST, detail: str, credentials: bool, from_env: bool, low: bool = False) -> Hit:
    """High with credentials; without, medium for an unchosen default or a global switch and
    low (`low`) for a wildcard written out in code, usually a public API opened on purpose.
    A wildcard that is only an environment default is one step lower."""
    if credentials:
        confidence = Confidence.MEDIUM if from_env else Confidence.HIGH
    else:
        confidence = Confidence.LOW if from_env or low else Confidence.MEDIUM
    fix = _FIX if credentials else _FIX + ", or keep '*' for public data only"
    return hit(node, _WITH_CREDENTIALS if credentials else "", detail, fix, confidence=confidence)


def _kw(call: ast.Call, name: str) -> ast.AST | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


# ---------------------------------------------------------------- Flask-CORS


def _config_value(ctx: FileContext, key: str) -> ast.AST | None:
    """The value this module gives the Flask config key `key` (``app.config["K"] = v``,
    ``config.update(K=v)``, a config class or module attribute ``K = v``). Memoised."""
    memo = ctx.__dict__.setdefault("_ais604_config", {})
    if key in memo:
        return memo[key]
    found = None
    for node in ctx.nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (isinstance(target, ast.Name) and target.id == key) or (
                    isinstance(target, ast.Subscript) and ctx.const_str(target.slice) == key
                ):
                    found = node.value
        elif isinstance(node, ast.keyword) and node.arg == key:
            found = node.value
        elif isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if k is not None and ctx.const_str(k) == key:
                    found = v
    memo[key] = found
    return found


def _flask_cors(node: ast.Call, ctx: FileContext, decorator: bool, label: str = "CORS()") -> Iterator[Hit]:
    if any(k.arg is None for k in node.keywords):
        return  # **options: unknown
    label = "@cross_origin()" if decorator else label
    credentials = _true(_kw(node, "supports_credentials"), ctx) or _true(_config_value(ctx, "CORS_SUPPORTS_CREDENTIALS"), ctx)
    origins_kw = _kw(node, "origins")
    if origins_kw is None and decorator and node.args:
        origins_kw = node.args[0]  # cross_origin(*args): the first is origins
    resources = _kw(node, "resources")
    if isinstance(resources, ast.Dict):
        default_all = None
        for path, options in zip(resources.keys, resources.values):
            if not isinstance(options, ast.Dict):
                continue
            opts = {ctx.const_str(k): v for k, v in zip(options.keys, options.values) if k is not None}
            creds = credentials or _true(opts.get("supports_credentials"), ctx)
            if "origins" in opts:
                found = _origins(opts["origins"], ctx)
                if found:
                    where = ctx.const_str(path) or "resources"
                    detail = f"{label[:-1]}resources {where!r}: origins={_shown(found[0], ctx, found[1])})"
                    yield _hit(found[0], detail, creds, found[1], low=True)
            elif default_all is None:
                default_all = True
        if not default_all:
            return
    if origins_kw is not None:
        found = _origins(origins_kw, ctx)
        if found:
            yield _hit(found[0], f"{label[:-1]}origins={_shown(found[0], ctx, found[1])})", credentials, found[1], low=True)
        return
    config = _config_value(ctx, "CORS_ORIGINS")
    if config is not None:
        found = _origins(config, ctx)
        if found:
            yield _hit(node.func, f"{label} with CORS_ORIGINS = {_shown(found[0], ctx, found[1])}", credentials, found[1])
        return
    detail = f"{label} defaults to origins='*'"
    yield _hit(node.func, detail, credentials, False, low=decorator)


# ---------------------------------------------------------------- Starlette / FastAPI


def _starlette(node: ast.Call, ctx: FileContext, label: str) -> Iterator[Hit]:
    if any(k.arg is None for k in node.keywords):
        return
    credentials = _true(_kw(node, "allow_credentials"), ctx)
    found = _origins(_kw(node, "allow_origins"), ctx, regex=False)
    if found:
        yield _hit(found[0], f"{label}(allow_origins={_shown(found[0], ctx, found[1])})", credentials, found[1], low=True)
        return
    regex = _kw(node, "allow_origin_regex")
    text = ctx.const_str(regex)
    if regex is not None and text is not None and _matches_all(text):
        yield _hit(regex, f"{label}(allow_origin_regex={text[:30]!r})", credentials, False, low=True)


@on(ast.Call, callees={"CORS", "init_app", "cross_origin", "add_middleware", "Middleware", "CORSMiddleware"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    func = node.func
    if name in FLASK_CORS:
        if (node.args or _kw(node, "app") is not None) and not _exempt(ctx, node):
            yield from _flask_cors(node, ctx, decorator=False)
    elif isinstance(func, ast.Attribute) and func.attr == "init_app":
        if ctx.instance_of(func.value) in FLASK_CORS and not _exempt(ctx, node):
            yield from _flask_cors(node, ctx, decorator=False, label="CORS.init_app()")
    elif name in CROSS_ORIGIN:
        if not _exempt(ctx, node):
            yield from _flask_cors(node, ctx, decorator=True)
    elif name in CORS_MIDDLEWARE:
        if not _exempt(ctx, node):
            yield from _starlette(node, ctx, "CORSMiddleware")
    elif (name in MIDDLEWARE_WRAPPERS or (isinstance(func, ast.Attribute) and func.attr == "add_middleware")) and node.args:
        if ctx.qualname(node.args[0]) in CORS_MIDDLEWARE and not _exempt(ctx, node):
            yield from _starlette(node, ctx, "CORSMiddleware")


# ---------------------------------------------------------------- django-cors-headers


def _django_credentials(ctx: FileContext) -> bool:
    return any(
        b.value is not None and _true(b.value, ctx)
        for b in ctx.bindings.get(ctx.tree, {}).get("CORS_ALLOW_CREDENTIALS", ())
    )


@on(ast.Assign, names=frozenset(DJANGO_ALL + DJANGO_REGEXES))
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if ctx.scope_of(node) is not ctx.tree:
        return
    for target in node.targets:
        if not isinstance(target, ast.Name):
            continue
        if target.id in DJANGO_ALL and _true(node.value, ctx):
            if not _exempt(ctx, node):
                yield _hit(node.value, f"{target.id} = True", _django_credentials(ctx), False)
        elif target.id in DJANGO_REGEXES and isinstance(node.value, (ast.List, ast.Tuple)):
            found = _origins(node.value, ctx)
            if found and not _exempt(ctx, node):
                yield _hit(found[0], f"{target.id} holds {_shown(found[0], ctx, found[1])}", _django_credentials(ctx), found[1], low=True)
