"""AIS107 exposed-secret: a secret value is sent to the client, put in a URL or a readable file.

## What it does
Flags a secret that leaves the server's custody:

- in an HTTP response: Flask ``jsonify`` / ``make_response`` / ``Response``, Django
  ``JsonResponse`` / ``HttpResponse``, DRF ``Response``, Starlette / FastAPI ``JSONResponse``
  and friends, or a dict, list or string returned by a Flask or FastAPI route handler;
- in a URL query string: after the ``?`` of a URL built with an f-string, ``%``,
  ``.format``, ``+`` or ``urlencode`` and passed to ``requests`` / ``httpx`` / ``aiohttp`` /
  ``urllib`` or a redirect, and in the ``params=`` of an HTTP client call (whatever the
  method: ``params`` always end up in the URL);
- in Flask's ``session`` (``session["token"] = value``, ``session.update(...)``): the
  default session is a signed, *not encrypted*, cookie that the client can read;
- in a file that the same function writes the secret to and makes world-readable
  (``os.chmod(path, 0o644)``, ``Path.chmod(0o666)``), or creates world-readable with
  ``os.open(path, flags, 0o644)`` and writes the secret to.

Secrets are found as in AIS106 (``os.environ`` / settings / secret managers / the request's
``Authorization`` header or password field, or a secret-like name). For responses only
server-side secrets count, and of the name-based ones only passwords: sending an issued
``access_token`` or a new API key to its owner is what login and key-creation endpoints are
for. Confidence is high for a secret read from a secret store and medium for one known by
its name only. A credential the client sent is medium in a URL, the session or a file, and
low (hidden by default) when a response echoes it back to that client, which already holds
it (FastAPI's tutorials return the ``HTTPBasicCredentials`` they received), or when it is the
``access_token``, ``refresh_token`` or ``id_token`` of an OAuth 2.0 token response (a dict
that also has ``token_type``, RFC 6749 section 5.1), which hands the client the token just
minted for it.

## Why is this bad?
A response is read by the client, cached by browsers and proxies and logged by API
gateways. URLs are written to web server and proxy access logs, browser history and
``Referer`` headers (CWE-598). Flask's session cookie is only signed: anyone holding it
base64-decodes the content (CWE-315). A file with mode ``0o644`` is readable by every user
and service account on the host (CWE-732).

## Example
```python
import os

import requests
from flask import Flask, jsonify

app = Flask(__name__)
API_KEY = os.environ["MAPS_API_KEY"]


@app.route("/config")
def config():
    return jsonify(maps_key=API_KEY, region="eu")


def geocode(address):
    return requests.get(f"https://maps.example.com/geocode?address={address}&key={API_KEY}", timeout=10)
```

## Use instead
```python
import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/config")
def config():
    return jsonify(region="eu")


def geocode(address, api_key):
    return requests.get(
        "https://maps.example.com/geocode",
        params={"address": address},
        headers={"X-Api-Key": api_key},
        timeout=10,
    )
```

## Known problems
Not reported, by design: the look-alikes listed for AIS106 (secret names and ARNs, hashes,
lengths, booleans, ``SecretStr`` values, masked forms), tokens and keys a route issues to
its client (name-based, not read from a secret store), the Telegram-style secret in a URL
*path*, and sessions when the module uses Flask-Session (server-side sessions). A FastAPI
``response_model`` that drops the field is not read. File permissions are only judged in
the function that writes the secret, for a path spelled the same way in both calls, and
for constant modes; umask-dependent ``open()`` is not judged. A provider whose API takes
the key only in the query string (OpenCage, Mojeek) is reported like any other: the URL
still reaches the provider's and any proxy's logs; a reviewed call takes a justified
``# noqa: AIS107``.

## Options
``aisec-secret-names`` and ``aisec-ignore-names`` as for AIS106. Name-only findings in test
files follow ``aisec-secrets-in-tests`` (default: low confidence, hidden), as for AIS106.

## References
- [CWE-200: Exposure of Sensitive Information to an Unauthorized Actor](https://cwe.mitre.org/data/definitions/200.html)
- [CWE-598: Use of GET Request Method With Sensitive Query Strings](https://cwe.mitre.org/data/definitions/598.html)
- [CWE-315: Cleartext Storage of Sensitive Information in a Cookie](https://cwe.mitre.org/data/definitions/315.html)
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [Flask docs: Sessions ("the user could look at the contents of your cookie")](https://flask.palletsprojects.com/en/stable/quickstart/#sessions)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import secrets_in_tests
from ..analysis.responses import RESPONSE_MODULES
from ..analysis.secrets import REQUEST, STORED, WEAK, Secret, find_secret, may_hold_secrets
from ..analysis.strings import string_parts
from ..analysis.taint import is_dead, may_route_web, own_nodes
from ..analysis.values import dotted as _dotted
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

_RESPONSE_TOPS = frozenset(RESPONSE_MODULES) | {"rest_framework"}
# Response factories that are not ``*Response`` classes.
_RESPONSE_FACTORIES = frozenset({"jsonify", "make_response"})
# Response arguments that are not content.
_RESPONSE_OPTIONS = frozenset(
    {
        "status", "status_code", "mimetype", "content_type", "media_type", "background", "safe",
        "encoder", "json_dumps_params", "reason", "charset",
    }
)
# HTTP clients (requests, httpx, aiohttp, urllib3, urllib.request) and redirects.
_HTTP_MODULES = frozenset({"requests", "httpx", "aiohttp", "urllib3", "urllib"})
_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "urlopen", "Request", "fetch"})
_CLIENT_WORDS = frozenset({"session", "client", "http", "sess", "api"})
_REDIRECTS = frozenset({"redirect", "RedirectResponse", "HttpResponseRedirect", "HttpResponsePermanentRedirect"})
# Flask-like client-side sessions (https://flask.palletsprojects.com/en/stable/api/#sessions).
_SESSIONS = frozenset({"flask.session", "quart.session"})
_SESSION_PACKAGES = tuple(sorted({name.split(".")[0] for name in _SESSIONS}))
_SERVER_SIDE_SESSIONS = ("flask_session", "flask_kvsession")
# Permission bits: S_IROTH (0o004) makes a file world-readable.
_S_IROTH = 0o004
_STAT_BITS = {
    "stat.S_IRWXU": 0o700, "stat.S_IRUSR": 0o400, "stat.S_IWUSR": 0o200, "stat.S_IXUSR": 0o100,
    "stat.S_IRWXG": 0o070, "stat.S_IRGRP": 0o040, "stat.S_IWGRP": 0o020, "stat.S_IXGRP": 0o010,
    "stat.S_IRWXO": 0o007, "stat.S_IROTH": 0o004, "stat.S_IWOTH": 0o002, "stat.S_IXOTH": 0o001,
}
_FILE_OPENERS = frozenset({"builtins.open", "io.open", "codecs.open", "os.fdopen"})
_DUMPERS = frozenset({"json.dump", "yaml.dump", "yaml.safe_dump", "pickle.dump", "toml.dump", "tomli_w.dump"})
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _confidence(ctx: FileContext, found: Secret) -> Confidence | None:
    """High for a stored secret, low for a weak one; a name-only finding (medium) in a test
    file follows ``aisec-secrets-in-tests`` (`frameworks.secrets_in_tests`, as for AIS106):
    a test that signs in with the app's token (``client.get(f"/auth?token={ds._root_token}")``)
    exercises the app, it does not leak. None drops the finding."""
    if found.source == STORED:
        return Confidence.HIGH
    if found.source == WEAK:
        return Confidence.LOW
    return Confidence.MEDIUM if found.source == REQUEST else secrets_in_tests(ctx, Confidence.MEDIUM)


def _server_side(found: Secret) -> bool:
    """Secrets a response must not carry: stored ones, reflected credentials, and passwords."""
    return found.source in (STORED, REQUEST) or found.kind == "password"


def _report(ctx: FileContext, value: ast.AST, sink: str, accept=None, label: str | None = None) -> Iterator[Hit]:
    if isinstance(value, ast.Starred):
        value = value.value
    found = find_secret(ctx, value, accept, name=label)
    if found is not None:
        confidence = _confidence(ctx, found)
        if confidence is None:
            return
        if accept is _server_side and (found.source == REQUEST or _issued_token(ctx, found.node)):
            # A response that echoes the client's own credential tells it nothing new, and
            # a token endpoint's response is how the client gets its new token.
            confidence = Confidence.LOW
        yield hit(found.node, found.origin, sink, confidence=confidence)


# RFC 6749 section 5.1: a successful token response holds ``access_token`` and
# ``token_type``, and may hold ``refresh_token`` (and OIDC's ``id_token``).
_TOKEN_RESPONSE_VALUES = frozenset({"access_token", "refresh_token", "id_token"})


def _issued_token(ctx: FileContext, node: ast.AST) -> bool:
    """`node` is (inside) the ``access_token``, ``refresh_token`` or ``id_token`` value of
    a dict literal that also has a ``token_type`` key: an OAuth 2.0 token response, which
    hands the token just minted to the client that asked for it."""
    child, parent = node, ctx.parent(node)
    for _ in range(4):
        if parent is None:
            return False
        if isinstance(parent, ast.Dict) and child in parent.values:
            keys = {ctx.const_str(k) for k in parent.keys if k is not None}
            key = parent.keys[parent.values.index(child)]
            return "token_type" in keys and key is not None and ctx.const_str(key) in _TOKEN_RESPONSE_VALUES
        child, parent = parent, ctx.parent(parent)
    return False


# ---- responses ---------------------------------------------------------------------------


def _response_call(ctx: FileContext, call: ast.Call) -> str | None:
    name = ctx.call_name(call) or ""
    last = name.rsplit(".", 1)[-1]
    if name.split(".")[0] in _RESPONSE_TOPS and (last.endswith("Response") or last in _RESPONSE_FACTORIES):
        if last in _REDIRECTS:
            return None
        return last
    return None


def _may_hold_views(ctx: FileContext) -> bool:
    """The gate of `check_return`: a def of the file has a decorator `taint.may_route_web`
    accepts. Exact: `check_return` reports only in such a def (the scope of the ``return``),
    and every def of the file is in `FileContext.nodes_of`. Most files have none (no Django
    file has one): one pass over the defs' decorators in place of a check per ``return``."""
    return any(func.decorator_list and may_route_web(func) for func in ctx.nodes_of(*_DEFS))  # type: ignore[attr-defined]


@on(ast.Return, when=_may_hold_views)
def check_return(node: ast.Return, ctx: FileContext) -> Iterator[Hit]:
    """A dict, list or string returned by a Flask or FastAPI view is the response body."""
    value = node.value
    if value is None:
        return
    # A return directly in a def (its scope is the def); `taint.route_kind` knows Flask and
    # FastAPI views only by their route decorators, so an undecorated def is no such view.
    func = ctx.scope_of(node)
    if type(func) not in _DEFS or not func.decorator_list:  # type: ignore[attr-defined]
        return
    # Most decorated defs (``@property``) have no route decorator and are not asked about.
    if not may_route_web(func):
        return
    if ctx.taint.route_kind(func) not in ("flask", "fastapi"):
        return
    if isinstance(value, ast.Tuple) and value.elts:
        value = value.elts[0]  # (body, status, headers)
    if is_dead(ctx, node):
        return
    yield from _report(ctx, value, f"the response of view '{func.name}'", _server_side)


# ---- URLs --------------------------------------------------------------------------------


def _http_call(ctx: FileContext, call: ast.Call) -> str | None:
    """A description of an HTTP client call or redirect, or None."""
    name = ctx.call_name(call)
    func = call.func
    tail = name.rsplit(".", 1)[-1] if name else getattr(func, "attr", getattr(func, "id", ""))
    if tail in _REDIRECTS:
        if name and name.split(".")[0] in _RESPONSE_TOPS | {"django"}:
            return f"{tail}()"
        return None
    if tail not in _HTTP_METHODS:
        return None
    if name is not None:
        return f"{name}()" if name.split(".")[0] in _HTTP_MODULES else None
    if not isinstance(func, ast.Attribute):
        return None
    # An HTTP client object is known by its constructor's qualified name, which resolves
    # through an import of its package (`FileContext.instance_of`): without one, the
    # receiver's value (most ``.get(...)`` calls are on dicts) is not looked up.
    inst = (ctx.instance_of(func.value) or "") if ctx.imports_any(_HTTP_MODULES) else ""
    if inst.split(".")[0] in _HTTP_MODULES:
        return f"{tail}() of a {inst.rsplit('.', 1)[-1]}"
    receiver = func.value.id if isinstance(func.value, ast.Name) else getattr(func.value, "attr", "")
    if _CLIENT_WORDS & set(split_words(receiver)):
        return f"{receiver}.{tail}()"
    return None


def _url_arg(call: ast.Call, tail: str) -> ast.AST | None:
    index = 1 if tail == "request" else 0
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg in ("url", "location", "to", "str_or_url")), None)


def _query_holes(ctx: FileContext, url: ast.AST) -> list[ast.AST]:
    """The non-constant parts of a built URL that come after its ``?``."""
    parts = string_parts(ctx, url)
    if not parts:
        return []
    holes = []
    seen_query = False
    for part in parts:
        if isinstance(part, str):
            if "?" in part:
                seen_query = True
        elif seen_query:
            holes.append(part)
    return holes


def _check_http(ctx: FileContext, node: ast.Call, sink: str) -> Iterator[Hit]:
    # Every value judged here goes to `find_secret` without a label, which answers None in a
    # file that `may_hold_secrets` rules out: the URL is then not taken apart.
    if not may_hold_secrets(ctx):
        return
    func = node.func
    tail = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    url = _url_arg(node, tail)
    if url is not None:
        for hole in _query_holes(ctx, url):
            yield from _report(ctx, hole, f"the query string of a URL sent by {sink}")
    for kw in node.keywords:
        if kw.arg == "params":
            yield from _report(ctx, kw.value, f"the query string (params=) of {sink}")


# ---- Flask session -----------------------------------------------------------------------


def _client_session(ctx: FileContext, expr: ast.AST) -> bool:
    # `_SESSIONS` names resolve through an import of their package (`_imports_session_owner`).
    if not _imports_session_owner(ctx) or ctx.qualname(expr) not in _SESSIONS:
        return False
    return not ctx.imports_any(_SERVER_SIDE_SESSIONS) and not _sets_session_type(ctx)


def _sets_session_type(ctx: FileContext) -> bool:
    """``app.config["SESSION_TYPE"] = ...`` or a ``SESSION_TYPE`` setting: Flask-Session."""
    found = ctx.__dict__.get("_aisec_session_type")
    if found is None:
        found = any(
            (isinstance(n, ast.Constant) and n.value == "SESSION_TYPE") or (isinstance(n, ast.Name) and n.id == "SESSION_TYPE")
            for n in ctx.nodes
        )
        ctx.__dict__["_aisec_session_type"] = found
    return found


_SESSION_SINK = "Flask's client-side session cookie"


def _imports_session_owner(ctx: FileContext) -> bool:
    """The gate of `check_session_assign`: a `_SESSIONS` name resolves through an import of
    its package (`FileContext.qualname`)."""
    return ctx.imports_any(_SESSION_PACKAGES)


@on(ast.Assign, when=_imports_session_owner)
def check_session_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    """``session["key"] = secret``."""
    for target in node.targets:
        if isinstance(target, ast.Subscript) and _client_session(ctx, target.value):
            if is_dead(ctx, node):
                return
            key = ctx.const_str(target.slice)
            yield from _report(ctx, node.value, _SESSION_SINK, label=key)
            return


# ---- world-readable files ----------------------------------------------------------------


def _mode(ctx: FileContext, expr: ast.AST | None) -> int | None:
    """The constant value of a permission mode: an int, ``stat.S_I*`` names and ``|``."""
    if expr is None:
        return None
    if isinstance(expr, ast.Constant) and type(expr.value) is int:
        return expr.value
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.BitOr, ast.Add)):
        left, right = _mode(ctx, expr.left), _mode(ctx, expr.right)
        return left | right if left is not None and right is not None else None
    qn = ctx.qualname(expr)
    if qn in _STAT_BITS:
        return _STAT_BITS[qn]
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, (ast.Constant, ast.BinOp)):
            return _mode(ctx, value)
    return None


def _path_key(ctx: FileContext, expr: ast.AST | None) -> str | None:
    """A path expression as text, with ``Path(x)`` read as ``x``."""
    if expr is None:
        return None
    for _ in range(3):
        name = ctx.call_name(expr) if isinstance(expr, ast.Call) else None
        if name in ("pathlib.Path", "pathlib.PurePath") and len(expr.args) == 1:  # type: ignore[union-attr]
            expr = expr.args[0]
        else:
            break
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, ast.Call) and (ctx.call_name(value) or "").endswith("pathlib.Path") and len(value.args) == 1:
            return _path_key(ctx, value.args[0])
    return ast.dump(expr, annotate_fields=False)


def _file_path(ctx: FileContext, handle: ast.AST) -> str | None:
    """The path of a file object: ``f`` from ``with open(path) as f`` or ``f = open(path)``."""
    if not isinstance(handle, ast.Name):
        return None
    for b in ctx.reaching_bindings(handle) or ctx.bindings_of(handle):
        value = b.value
        if isinstance(value, ast.Call):
            name = ctx.call_name(value)
            if name in _FILE_OPENERS and value.args:
                if name == "os.fdopen":
                    return _fd_path(ctx, value.args[0])
                return _path_key(ctx, value.args[0])
            if isinstance(value.func, ast.Attribute) and value.func.attr == "open":
                return _path_key(ctx, value.func.value)
    return None


def _fd_path(ctx: FileContext, fd: ast.AST) -> str | None:
    """The path of a descriptor from ``fd = os.open(path, ...)``."""
    if isinstance(fd, ast.Name):
        value = ctx.reaching_value(fd)
        if isinstance(value, ast.Call) and ctx.call_name(value) == "os.open" and value.args:
            return "fd:" + (_path_key(ctx, value.args[0]) or "")
    return None


def _secret_writes(ctx: FileContext, scope: ast.AST) -> list[tuple[str, ast.AST]]:
    """``(path key, written value)`` for each write in a function's own body."""
    out = []
    for node in own_nodes(scope):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = ctx.call_name(node)
        if name == "os.write" and len(node.args) == 2:
            key = _fd_path(ctx, node.args[0])
            if key:
                out.append((key, node.args[1]))
        elif name in _DUMPERS and len(node.args) >= 2:
            key = _file_path(ctx, node.args[1])
            if key:
                out.append((key, node.args[0]))
        elif isinstance(func, ast.Attribute) and node.args:
            if func.attr in ("write", "writelines"):
                key = _file_path(ctx, func.value)
            elif func.attr in ("write_text", "write_bytes"):
                key = _path_key(ctx, func.value)
            else:
                continue
            if key:
                out.append((key, node.args[0]))
    return out


def _check_file_mode(ctx: FileContext, node: ast.Call) -> Iterator[Hit]:
    name = ctx.call_name(node)
    func = node.func
    if name == "os.chmod" and len(node.args) >= 2:
        path, mode_node, key_of = node.args[0], node.args[1], _path_key
    elif name == "os.open" and len(node.args) >= 3:
        path, mode_node, key_of = node.args[0], node.args[2], None
    elif name is None and isinstance(func, ast.Attribute) and func.attr == "chmod" and node.args:
        path, mode_node, key_of = func.value, node.args[0], _path_key
    else:
        return
    mode = _mode(ctx, mode_node)
    if mode is None or not mode & _S_IROTH or is_dead(ctx, node):
        return
    key = key_of(ctx, path) if key_of is not None else "fd:" + (_path_key(ctx, path) or "")
    scope = ctx.enclosing_function(node) or ctx.tree
    for written_key, value in _secret_writes(ctx, scope):
        if written_key != key:
            continue
        found = find_secret(ctx, value)
        if found is not None:
            call = f"{name}(..., {oct(mode)})" if name else f"{_dotted(func.value) or 'Path'}.chmod({oct(mode)})"
            sink = f"a world-readable file ({call})"
            confidence = _confidence(ctx, found)
            if confidence is not None:
                yield hit(mode_node, found.origin, sink, confidence=confidence)
            return


# ---- dispatch ----------------------------------------------------------------------------


@on(
    ast.Call,
    callees=_RESPONSE_FACTORIES
    | {"Response", "JsonResponse", "HttpResponse", "JSONResponse", "PlainTextResponse", "HTMLResponse",
       "ORJSONResponse", "UJSONResponse", "StreamingHttpResponse", "StreamingResponse"}
    | _HTTP_METHODS
    | _REDIRECTS
    | {"chmod", "open", "update", "setdefault"},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    tail = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if tail in ("chmod", "open"):
        yield from _check_file_mode(ctx, node)  # asks `is_dead` for a world-readable mode only
        return
    if tail in ("update", "setdefault"):
        if isinstance(func, ast.Attribute) and _client_session(ctx, func.value) and not is_dead(ctx, node):
            if tail == "setdefault" and len(node.args) == 2:
                yield from _report(ctx, node.args[1], _SESSION_SINK, label=ctx.const_str(node.args[0]))
                return
            for arg in node.args:
                yield from _report(ctx, arg, _SESSION_SINK)
            for kw in node.keywords:
                yield from _report(ctx, kw.value, _SESSION_SINK, label=kw.arg)
        return
    response = _response_call(ctx, node)
    if response is not None:
        if is_dead(ctx, node):
            return
        sink = f"the HTTP response ({response}())"
        for arg in node.args:
            yield from _report(ctx, arg, sink, _server_side)
        for kw in node.keywords:
            if kw.arg not in _RESPONSE_OPTIONS:
                yield from _report(ctx, kw.value, sink, _server_side, label=kw.arg)
        return
    sink_name = _http_call(ctx, node)
    if sink_name is not None and not is_dead(ctx, node):
        yield from _check_http(ctx, node, sink_name)
