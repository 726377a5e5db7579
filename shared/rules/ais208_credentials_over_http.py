"""AIS208 credentials-over-http: credentials sent over plain HTTP or accepted in a URL query.

## What it does
Flags two transport and API-design flaws:

- **Credentials sent over plain HTTP.** A ``requests``, ``httpx``, ``aiohttp``, ``urllib3``
  or ``urllib.request`` call (module functions, ``Session`` / ``Client`` / ``AsyncClient`` /
  ``ClientSession`` / ``PoolManager`` methods, and client constructors with a ``base_url``)
  whose URL starts with ``http://`` and that carries a credential: ``auth=``, an
  ``Authorization``, ``Proxy-Authorization`` or secret-named header (``X-API-Key``,
  ``X-Auth-Token``), a secret-named field in ``params=`` / ``data=`` / ``json=``
  (``password``, ``api_key``, ``token``, ``client_secret``), a secret-named parameter in the
  URL's query string, or ``user:password@`` in the URL. The URL may be a literal, an f-string,
  a concatenation or ``.format`` of one, or a name bound to one; a relative URL is judged by
  the client's ``base_url``. Credentials set on a session object in the same function
  (``s.auth = ...``, ``s.headers.update({"Authorization": ...})``) count too.
- **Credentials sent in a URL query string** to another API, over any scheme: a
  secret-named field in ``params=`` or after ``?name=`` in the URL
  (``f"...?api_key={KEY}"``), at medium confidence (some third-party APIs take keys only
  there; prefer their header form where one exists).
- **API keys accepted from the URL query string.** A handler that reads an API key, secret,
  password or token from the query string: Flask ``request.args`` / ``request.values``,
  Django ``request.GET``, DRF and Starlette ``request.query_params``, aiohttp
  ``request.query``, a FastAPI parameter declared with ``Query(...)`` or, in a route, a plain
  ``str`` parameter that FastAPI reads from the query, and FastAPI's ``APIKeyQuery``.

Hosts on the loopback interface (``localhost``, ``*.localhost``, ``127.0.0.0/8``, ``::1``, and ``0.0.0.0``, which as a
destination means this host)
are exempt: the traffic never leaves the machine. Private names and addresses (``*.local``,
``*.internal``, single-label service names, RFC 1918 networks) are reported at medium
confidence: the traffic still crosses a network that other hosts and containers share, and
the OWASP Transport Layer Security Cheat Sheet asks for TLS on internal connections too.
Tokens read from the query string of one-time links (password reset, e-mail verification,
invitations, unsubscribe, OAuth callbacks, WebSocket handshakes, which cannot set headers,
and the dependencies that take the ``WebSocket``) are not reported. Such a link is told by
the words of its handler's name, of its class's name (a class-based view's handler is ``get``:
``ConfirmChangeView``, ``AnswerDownload``), or by the verifier that checks the token: Django's
token generator (``default_token_generator.check_token(user, token)``, which expires and dies
with the next password change) or a timed signature (``signing.loads(token, max_age=...)``,
``TimestampSigner().unsign(token, max_age=...)``, itsdangerous' timed serializers), or by a
stored token that the match clears (``if secrets.compare_digest(token, self.ds._root_token):
self.ds._root_token = None``: datasette's sign-in link, which works once). A token
that only names a cookie (``response.set_cookie(token, "done")``: superset's
download-finished signal) is not reported either, and one the handler only stores in the
session (the order id PayPal appends to its return URL) is low confidence. A FastAPI query
parameter named like a key in a route whose caller an authenticating dependency already
provides (``user=Depends(user_api_key_auth)``, ``dependencies=[Depends(...)]``) is data,
usually a filter by key id: low confidence. A FastAPI query parameter annotated as a flag
or a number (``include_secrets: bool = Query(False)``, ``expose_secrets: bool | None``) holds no credential and is not
reported.

## Why is this bad?
Over ``http://`` anyone on the path (Wi-Fi, a proxy, a compromised router, another pod on
the node) reads the credential and replays it (CWE-319). A key in a URL is written to web
server, proxy and load-balancer access logs, browser history and ``Referer`` headers
(CWE-598), so an API that accepts keys there teaches its clients to leak them.

## Example
```python
import os

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
PAYMENTS_PASSWORD = os.environ["PAYMENTS_PASSWORD"]


def charge(amount):
    return requests.post("http://payments.example.com/v1/charges", auth=("shop", PAYMENTS_PASSWORD), json={"amount": amount}, timeout=10)


@app.get("/partner/orders")
def partner_orders():
    if not valid_key(request.args.get("api_key", "")):
        abort(401)
    return jsonify([])
```

## Use instead
```python
import os

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
PAYMENTS_PASSWORD = os.environ["PAYMENTS_PASSWORD"]


def charge(amount):
    return requests.post("https://payments.example.com/v1/charges", auth=("shop", PAYMENTS_PASSWORD), json={"amount": amount}, timeout=10)


@app.get("/partner/orders")
def partner_orders():
    if not valid_key(request.headers.get("X-API-Key", "")):
        abort(401)
    return jsonify([])
```

## Known problems
A URL read from configuration (``settings.PAYMENTS_URL``, another module, the environment)
is not known here, so credentials sent to it are not reported even when it is ``http://``.
A secret sent in a query string is also reported by AIS107 (exposed-secret), which judges the
value (where the secret came from) where this rule judges the parameter's name (the API is
designed to take a credential in the URL); both point at the value. Session-level credentials are
seen only when set in the same function as the call. A secret the handler compares with a
provider's object (Stripe's ``client_secret`` on its return URL against
``stripe.Source.retrieve(...).client_secret``) is still reported: nothing in the file tells
it from a key of the application's own. A query parameter named only ``key``
is not taken for an API key. In test files (``aisec-test-paths``), where clients talk to mock
transports and test servers, credentials sent over ``http://`` are low confidence (hidden by
default). What follows ``#`` in a URL is the fragment, which the client
never sends (RFC 3986 section 3.5): ``token=`` there is not reported.

## Options
None beyond ``aisec-min-confidence``; ``aisec-secret-names`` adds credential names.

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [RFC 3986 section 3.5: Fragment](https://www.rfc-editor.org/rfc/rfc3986#section-3.5)
- [CWE-598: Use of GET Request Method With Sensitive Query Strings](https://cwe.mitre.org/data/definitions/598.html)
- [OWASP Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
- [OWASP REST Security Cheat Sheet, API Keys](https://cheatsheetseries.owasp.org/cheatsheets/REST_Security_Cheat_Sheet.html#api-keys)
- [FastAPI: Security, APIKeyQuery](https://fastapi.tiangolo.com/reference/security/#fastapi.security.APIKeyQuery)
"""

from __future__ import annotations

import ast
import ipaddress
import re
from typing import Iterator

from ..analysis.auth import fastapi_dependencies, handler_of
from ..analysis.frameworks import REQUEST_NAMES
from ..analysis.strings import build_string
from ..analysis.words import secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "stream"})
_MODULE_CLIENTS = ("requests.", "httpx.", "aiohttp.")
_CLIENT_CLASSES = (
    "requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client", "httpx.AsyncClient",
    "aiohttp.ClientSession", "urllib3.PoolManager", "urllib3.poolmanager.PoolManager",
)
# The packages of `_CLIENT_CLASSES`: `FileContext.instance_of` resolves through imports, so an
# owner in `_CLIENT_CLASSES` needs an import of one of them (`FileContext.imports_any`).
_CLIENT_PACKAGES = tuple(sorted({c.split(".")[0] for c in _CLIENT_CLASSES}))
_CONSTRUCTORS = frozenset({"httpx.Client", "httpx.AsyncClient", "aiohttp.ClientSession"})
# Header names that carry credentials whatever their words say (RFC 9110 section 11).
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization"})
_BODY_KEYWORDS = ("params", "data", "json")
# Loopback names and networks (RFC 6761 section 6.3: "localhost." and names under it).
_LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost", "ip6-loopback"})
_PRIVATE_SUFFIXES = (".local", ".internal", ".lan", ".home", ".corp", ".intranet", ".svc", ".cluster.local", ".home.arpa")
_QUERY_PARAM = lazy_compile(r"[?&]([A-Za-z0-9_.\-\[\]]{1,64})=")
_QUERY_PARAM_END = lazy_compile(r"[?&]([A-Za-z0-9_.\-\[\]]{1,64})=$")
_QUERY_CONTAINERS = frozenset({"args", "values", "GET", "query_params", "query"})
# Response methods whose first argument (``key=``) is a cookie's name.
_COOKIE_SETTERS = frozenset({"set_cookie", "set_signed_cookie", "delete_cookie"})
# Handlers that take one-time tokens from a link or cannot send headers.
_LINK_WORDS = frozenset(
    {
        "reset", "verify", "verification", "confirm", "confirmation", "activate", "activation",
        "invite", "invitation", "unsubscribe", "magic", "email", "callback", "oauth", "ws",
        "websocket", "socket", "stream", "events", "sse", "download", "share", "preview", "accept",
    }
)
# FastAPI parameter sources other than the query string.
_NON_QUERY_PARAMS = frozenset({"Depends", "Header", "Cookie", "Body", "Form", "File", "Security", "Path", "Request"})
_STRINGISH = frozenset({"str", "Optional", "Union", "SecretStr", "None"})
_DEPTH = 3


# --- what is a credential -------------------------------------------------------------------
def _kind(name: str | None, ctx: FileContext) -> str | None:
    if not name or ctx.settings.ignored_name(name):
        return None
    extra = ctx.settings.secret_names
    joined = "_".join(split_words(name))
    return secret_name_kind(joined, extra) if extra else secret_name_kind(joined)


def _present(value: ast.AST | None) -> bool:
    """A value that is there: not ``None``, not an empty literal."""
    if value is None:
        return False
    if isinstance(value, ast.Constant):
        return value.value not in (None, "", b"", False)
    return True


def _dict(ctx: FileContext, expr: ast.AST | None) -> ast.Dict | None:
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    return expr if isinstance(expr, ast.Dict) else None


def _header_credential(ctx: FileContext, headers: ast.AST | None) -> str | None:
    table = _dict(ctx, headers)
    if table is None:
        return None
    for key, value in zip(table.keys, table.values):
        name = ctx.const_str(key) if key is not None else None
        if not name or not _present(value):
            continue
        if name.lower() in _AUTH_HEADERS or _kind(name, ctx):
            return f"{name} header"
    return None


def _field_credential(ctx: FileContext, body: ast.AST | None, where: str) -> str | None:
    table = _dict(ctx, body)
    if table is None:
        return None
    for key, value in zip(table.keys, table.values):
        name = ctx.const_str(key) if key is not None else None
        if name and _present(value) and _kind(name, ctx):
            return f"'{name}' in {where}="
    return None


def _call_credential(ctx: FileContext, call: ast.Call) -> str | None:
    """What credential a client call or constructor carries, if any."""
    for kw in call.keywords:
        if kw.arg == "auth" and _present(kw.value):
            return "auth="
        if kw.arg == "headers":
            found = _header_credential(ctx, kw.value)
            if found:
                return found
        if kw.arg in _BODY_KEYWORDS:
            found = _field_credential(ctx, kw.value, kw.arg)
            if found:
                return found
    return None


# --- URLs -----------------------------------------------------------------------------------
def _url_parts(ctx: FileContext, expr: ast.AST | None, depth: int = 0) -> list | None:
    """The pieces of a URL: ``str`` for constant text, ``ast.AST`` for holes."""
    if expr is None or depth > _DEPTH:
        return None
    text = ctx.const_str(expr)
    if text is not None:
        return [text]
    built = build_string(ctx, expr)
    if built is None:
        if isinstance(expr, ast.Call) and (ctx.call_name(expr) or "").endswith("urljoin") and expr.args:
            head = _url_parts(ctx, expr.args[0], depth + 1)
            return head + [expr] if head else None
        return None
    parts = list(built.parts)
    if parts and not isinstance(parts[0], str):
        head = _url_parts(ctx, parts[0], depth + 1)
        if head:
            parts = head + parts[1:]
    return parts


def _prefix(parts: list) -> tuple[str, bool]:
    """The leading constant text, and whether it is the whole URL."""
    out = []
    for part in parts:
        if not isinstance(part, str):
            return "".join(out), False
        out.append(part)
    return "".join(out), True


def _host(prefix: str, whole: bool) -> str | None:
    """The host of an ``http://`` URL prefix, None when a hole decides it."""
    rest = prefix[len("http://"):]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    terminated = len(authority) < len(rest) or whole
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host, _, port = host.partition(":")
        terminated = terminated or bool(port)
    return host.lower() if terminated and host else None


def _loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified  # 0.0.0.0 as a destination is this host


def _private(host: str) -> bool:
    if "." not in host or host.endswith(_PRIVATE_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private


def _userinfo(prefix: str) -> bool:
    authority = re.split(r"[/?#]", prefix[len("http://"):], maxsplit=1)[0]
    userinfo, at, _host = authority.rpartition("@")
    return bool(at) and ":" in userinfo


def _query_credential(ctx: FileContext, parts: list) -> str | None:
    # The fragment (after the first '#') never leaves the client (RFC 3986 section 3.5).
    text = "".join(p if isinstance(p, str) else "X" for p in parts).split("#", 1)[0]
    for m in _QUERY_PARAM.finditer(text):
        if _kind(m.group(1), ctx):
            return f"'{m.group(1)}' in the URL query string"
    return None


# --- HTTP client calls ----------------------------------------------------------------------
def _client_call(ctx: FileContext, call: ast.Call) -> tuple[ast.AST | None, ast.AST | None] | None:
    """``(url argument, client object)`` for an HTTP client call, None otherwise."""
    name = ctx.call_name(call) or ""
    func = call.func
    method = func.attr if isinstance(func, ast.Attribute) else name.rsplit(".", 1)[-1]
    if name in ("urllib.request.urlopen", "urllib.request.Request"):
        return _arg(call, 0, "url"), None
    if name.startswith(_MODULE_CLIENTS) and name.count(".") == 1 and method in _HTTP_METHODS:
        return _arg(call, 1 if method == "request" else 0, "url"), None
    if isinstance(func, ast.Attribute) and method in _HTTP_METHODS and ctx.imports_any(_CLIENT_PACKAGES):
        owner = ctx.instance_of(func.value)
        if owner and owner.startswith(_CLIENT_CLASSES):
            index = 1 if method in ("request", "stream") and (owner.startswith(("requests", "urllib3")) or len(call.args) > 1) else 0
            return _arg(call, index, "url"), func.value
    return None


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _client_constructor(ctx: FileContext, owner: ast.AST | None) -> ast.Call | None:
    if isinstance(owner, ast.Name):
        owner = ctx.reaching_value(owner)
    if isinstance(owner, ast.Call) and ctx.call_name(owner) in _CONSTRUCTORS:
        return owner
    return None


def _session_credential(ctx: FileContext, owner: ast.AST | None, call: ast.Call) -> str | None:
    """``s.auth = ...``, ``s.headers["Authorization"] = ...``, ``s.headers.update({...})`` in
    the function that makes the call."""
    if not isinstance(owner, ast.Name):
        return None
    scope = ctx.scope_of(call)
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr == "auth" and _is(target.value, owner.id) and _present(node.value):
                    return "session auth"
                if (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Attribute)
                    and target.value.attr == "headers"
                    and _is(target.value.value, owner.id)
                ):
                    name = ctx.const_str(target.slice)
                    if name and (name.lower() in _AUTH_HEADERS or _kind(name, ctx)):
                        return f"session {name} header"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "headers"
            and _is(node.func.value.value, owner.id)
            and node.args
        ):
            found = _header_credential(ctx, node.args[0])
            if found:
                return f"session {found}"
    return None


def _is(expr: ast.AST, name: str) -> bool:
    return isinstance(expr, ast.Name) and expr.id == name


def _judge_url(ctx: FileContext, url: ast.AST | None) -> tuple[str, Confidence, list] | None:
    """``(where, confidence, parts)`` when `url` is a non-loopback ``http://`` URL."""
    parts = _url_parts(ctx, url)
    if not parts:
        return None
    prefix, whole = _prefix(parts)
    if not prefix.lower().startswith("http://"):
        return None
    host = _host(prefix, whole)
    if host is None:
        confidence = Confidence.LOW if ctx.settings.is_test_path(ctx.filename) else Confidence.MEDIUM
        return "sent over plain http:// to a host chosen at run time", confidence, parts
    if _loopback(host):
        return None
    confidence = Confidence.MEDIUM if _private(host) else Confidence.HIGH
    if ctx.settings.is_test_path(ctx.filename):
        confidence = Confidence.LOW  # test clients and mock transports (httpx's own tests)
    return f"sent over plain http:// to '{host}'", confidence, parts


def _relative(ctx: FileContext, url: ast.AST | None) -> bool:
    parts = _url_parts(ctx, url)
    if not parts:
        return False
    prefix, _whole = _prefix(parts)
    return bool(prefix) and "://" not in prefix


@on(ast.Call, callees=_HTTP_METHODS | {"urlopen", "Request", "Client", "AsyncClient", "ClientSession", "APIKeyQuery", "getlist", "getone", "getall"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    if name in _CONSTRUCTORS:
        base = next((k.value for k in node.keywords if k.arg == "base_url"), None)
        judged = _judge_url(ctx, base)
        what = _call_credential(ctx, node)
        if judged and what and base is not None:
            yield hit(base, what, judged[0], confidence=judged[1])
        return
    if name.endswith("APIKeyQuery") and name.startswith("fastapi"):
        key = next((k.value for k in node.keywords if k.arg == "name"), node.args[0] if node.args else None)
        yield hit(node, f"APIKeyQuery {ctx.const_str(key) or ''}".strip(), "read from the URL query string", confidence=Confidence.HIGH)
        return
    found = _client_call(ctx, node)
    if found is None:
        yield from _query_read(node, ctx)
        return
    url, owner = found
    if url is None:
        return
    judged = _judge_url(ctx, url)
    if judged is None and owner is not None and _relative(ctx, url):
        ctor = _client_constructor(ctx, owner)
        base = next((k.value for k in ctor.keywords if k.arg == "base_url"), None) if ctor is not None else None
        judged = _judge_url(ctx, base)
        if judged and ctor is not None and _call_credential(ctx, ctor):
            return  # reported at the constructor
    if judged is None:
        yield from _query_sent(ctx, node, url)
        return
    where, confidence, parts = judged
    prefix, _whole = _prefix(parts)
    what = (
        _call_credential(ctx, node)
        or _query_credential(ctx, parts)
        or ("user:password in the URL" if _userinfo(prefix) else None)
        or _session_credential(ctx, owner, node)
    )
    if what is None and owner is not None:
        ctor = _client_constructor(ctx, owner)
        what = _call_credential(ctx, ctor) if ctor is not None else None
    if what:
        yield hit(url, what, where, confidence=confidence)


def _query_sent(ctx: FileContext, node: ast.Call, url: ast.AST) -> Iterator[Hit]:
    """A credential put in the query string of a request to another API (any scheme): in
    ``params=`` or after ``?name=`` in the URL. Reported at the value."""
    for kw in node.keywords:
        if kw.arg == "params":
            table = _dict(ctx, kw.value)
            for key, value in zip(table.keys, table.values) if table is not None else ():
                name = ctx.const_str(key) if key is not None else None
                if name and _present(value) and _kind(name, ctx) and not ctx.is_constant(value):
                    yield hit(value, f"'{name}' in params=", "sent in the URL query string", confidence=Confidence.MEDIUM)
    parts = _url_parts(ctx, url) or []
    for i, part in enumerate(parts):
        if isinstance(part, str) and "#" in part:
            break  # the fragment, which is not sent (RFC 3986 section 3.5)
        if isinstance(part, str) or i == 0 or not isinstance(parts[i - 1], str):
            continue
        m = _QUERY_PARAM_END.search(parts[i - 1])
        if m and _kind(m.group(1), ctx):
            yield hit(part, f"'{m.group(1)}'", "sent in the URL query string", confidence=Confidence.MEDIUM)


# --- credentials read from the query string -------------------------------------------------
def _query_container(ctx: FileContext, expr: ast.AST) -> str | None:
    """``request.args`` / ``request.values`` (Flask), ``request.GET`` (Django),
    ``request.query_params`` (DRF, Starlette), ``request.query`` (aiohttp)."""
    if not isinstance(expr, ast.Attribute) or expr.attr not in _QUERY_CONTAINERS:
        return None
    base = expr.value
    flask = ctx.qualname(base) in ("flask.request", "quart.request")
    named = isinstance(base, ast.Name) and base.id in REQUEST_NAMES
    if expr.attr == "values":
        return "request.values" if flask or named else None
    if flask or named or (isinstance(base, ast.Attribute) and base.attr == "request"):
        return f"{ast.unparse(base)}.{expr.attr}"
    if isinstance(base, ast.Attribute) and base.attr == "rel_url" and expr.attr == "query":
        return f"{ast.unparse(base)}.query"
    return None


def _names_websocket(annotation: ast.AST | None) -> bool:
    """An annotation that is ``WebSocket`` (``fastapi.WebSocket``, ``starlette.websockets.WebSocket``)."""
    if isinstance(annotation, ast.Name):
        return annotation.id == "WebSocket"
    return isinstance(annotation, ast.Attribute) and annotation.attr == "WebSocket"


def _link_handler(ctx: FileContext, node: ast.AST) -> bool:
    """A handler for a one-time link or a WebSocket (see `_LINK_WORDS`), or a dependency
    that takes the ``WebSocket`` (FastAPI's ``get_cookie_or_token(websocket: WebSocket,
    token: str = Query(None))``)."""
    func = ctx.enclosing_function(node)
    while func is not None:
        if any(_names_websocket(a.annotation) for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)):
            return True
        words = set(split_words(func.name))
        for dec in func.decorator_list:
            if isinstance(dec, ast.Call):
                for arg in dec.args[:1]:
                    words.update(split_words(ctx.const_str(arg) or ""))
                if isinstance(dec.func, ast.Attribute):
                    words.add(dec.func.attr)
        if words & _LINK_WORDS:
            return True
        func = ctx.enclosing_function(func)
    # A class-based view's handler is ``get`` or ``post``: its class names the link
    # (``ConfirmChangeView``, ``PasswordResetConfirmView``, ``AnswerDownload``).
    cls = ctx.enclosing_class(node)
    return cls is not None and not set(split_words(cls.name)).isdisjoint(_LINK_WORDS)


def _value_uses(ctx: FileContext, read: ast.AST) -> list[ast.AST] | None:
    """Where the value of a query read goes: the read itself when it is used in place, or
    the loads of the one name it is bound to (``token = request.GET.get("token")``, ``if
    token := request.args.get("token"):``, ``token = request.args.get("token") or ""``) in the
    same function. Tests of its truth (``if token:``, ``not token``) are left out. None when the flow is not that simple (the name
    is bound more than once, unpacked, or global)."""
    parent = ctx.parent(read)
    value = read
    if isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.Or) and parent.values[0] is read and all(isinstance(v, ast.Constant) for v in parent.values[1:]):
        value, parent = parent, ctx.parent(parent)  # token = request.args.get("token") or ""
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
        target = parent.targets[0]
    elif isinstance(parent, ast.NamedExpr) and parent.value is value:
        target = parent.target
    else:
        return [read]
    func = ctx.enclosing_function(read)
    if func is None:
        return None
    uses: list[ast.AST] = [] if not isinstance(parent, ast.NamedExpr) or _truth_test(ctx, parent) else [parent]
    for node in ast.walk(func):
        if isinstance(node, ast.Name) and node.id == target.id and isinstance(node.ctx, ast.Load):
            binds = ctx.bindings_of(node)
            if len(binds) != 1 or binds[0].target is not target:
                return None
            if not _truth_test(ctx, node):
                uses.append(node)
    return uses


def _truth_test(ctx: FileContext, expr: ast.AST) -> bool:
    """`expr` is only tested for truth: the test of an ``if`` / ``while`` / conditional
    expression or an ``assert``, or the operand of ``not``."""
    parent = ctx.parent(expr)
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)):
        return parent.test is expr
    return isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not)


def _call_of(ctx: FileContext, use: ast.AST) -> tuple[ast.Call, int | str] | None:
    """The call `use` is an argument of, and its position or keyword."""
    parent = ctx.parent(use)
    if isinstance(parent, ast.keyword):
        call = ctx.parent(parent)
        return (call, parent.arg or "") if isinstance(call, ast.Call) else None
    if isinstance(parent, ast.Call) and use in parent.args:
        return parent, parent.args.index(use)
    return None


def _callee_words(expr: ast.AST) -> list[str]:
    """The words of a receiver: ``default_token_generator``, ``TokenGenerator()``."""
    if isinstance(expr, ast.Call):
        expr = expr.func
    if isinstance(expr, ast.Attribute):
        return split_words(expr.attr)
    return split_words(expr.id) if isinstance(expr, ast.Name) else []


def _expiring_verifier(ctx: FileContext, use: ast.AST) -> bool:
    """`use` is the token checked by a verifier of one-time, expiring links:

    - Django's ``PasswordResetTokenGenerator`` protocol, ``<...token_generator>.check_token(user,
      token)`` (``default_token_generator``, a ``TokenGenerator()`` subclass): the token
      expires after ``PASSWORD_RESET_TIMEOUT`` and dies when the password or last login
      changes;
    - a timed signature, ``loads(token, max_age=...)`` / ``unsign(token, max_age=...)``
      (``django.core.signing``, ``TimestampSigner``, itsdangerous' ``URLSafeTimedSerializer``):
      ``json.loads`` and ``pickle.loads`` take no ``max_age``.
    """
    found = _call_of(ctx, use)
    if found is None:
        return False
    call, where = found
    func = call.func
    method = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if method == "check_token":
        return isinstance(func, ast.Attribute) and where == 1 and "generator" in _callee_words(func.value)
    if method in ("loads", "unsign", "unsign_object"):
        max_age = next((k.value for k in call.keywords if k.arg == "max_age"), None)
        return where == 0 and _present(max_age)
    return False


# Constant-time comparisons: ``hmac.compare_digest``, ``secrets.compare_digest``.
_COMPARE_CALLS = frozenset({"compare_digest", "constant_time_compare"})


def _single_use(ctx: FileContext, use: ast.AST) -> bool:
    """`use` is compared with a stored token (``secrets.compare_digest(token,
    self.ds._root_token)``, ``token == self.pending_token``) and the branch where they match
    clears the stored one (``self.ds._root_token = None``, ``del ...``): the token signs in
    once, then dies (datasette's ``--root`` sign-in link)."""
    found = _call_of(ctx, use)
    parent = ctx.parent(use)
    if found is not None and _tail_name(found[0].func) in _COMPARE_CALLS:
        test: ast.AST = found[0]
        others = [a for a in found[0].args if a is not use]
    elif isinstance(parent, ast.Compare) and len(parent.ops) == 1 and isinstance(parent.ops[0], ast.Eq):
        test = parent
        others = [parent.comparators[0] if parent.left is use else parent.left]
    else:
        return False
    stored = {ast.unparse(o) for o in others if isinstance(o, ast.Attribute)}
    branch = ctx.parent(test)
    if not stored or not (isinstance(branch, ast.If) and branch.test is test):
        return False
    for node in (n for stmt in branch.body for n in ast.walk(stmt)):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.value.value in (None, ""):
            if any(ast.unparse(t) in stored for t in node.targets):
                return True
        if isinstance(node, ast.Delete) and any(ast.unparse(t) in stored for t in node.targets):
            return True
    return False


def _tail_name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _cookie_name(ctx: FileContext, use: ast.AST) -> bool:
    """`use` names a cookie (``response.set_cookie(token, "done")``): the value is a key the
    page polls for, such as superset's download-finished cookie, never compared."""
    found = _call_of(ctx, use)
    if found is None:
        return False
    call, where = found
    return isinstance(call.func, ast.Attribute) and call.func.attr in _COOKIE_SETTERS and where in (0, "key")


def _session_store(ctx: FileContext, use: ast.AST) -> bool:
    """`use` is stored in the session (``request.session["paypal_token"] = token``): the
    handler keeps a value the provider appended to its return URL, and checks nothing here."""
    parent = ctx.parent(use)
    if not isinstance(parent, ast.Assign) or parent.value is not use:
        return False
    for target in parent.targets:
        if not isinstance(target, ast.Subscript):
            return False
        store = target.value
        if not (isinstance(store, ast.Attribute) and store.attr == "session") and not (isinstance(store, ast.Name) and store.id == "session"):
            return False
    return True


def _token_use(ctx: FileContext, read: ast.AST) -> str | None:
    """How a handler uses a token read from the query string, when that shows it is no
    reusable credential: "link" when an expiring verifier checks it or it matches a stored
    token that the match clears (`_single_use`), "cookie" when it only
    names a cookie, "session" when it is only stored in the session. None otherwise."""
    uses = _value_uses(ctx, read)
    if not uses:
        return None
    if any(_expiring_verifier(ctx, u) or _single_use(ctx, u) for u in uses):
        return "link"
    if all(_cookie_name(ctx, u) for u in uses):
        return "cookie"
    if all(_session_store(ctx, u) for u in uses):
        return "session"
    return None


def _accepted(ctx: FileContext, key_node: ast.AST, source: str) -> Iterator[Hit]:
    name = ctx.const_str(key_node)
    kind = _kind(name, ctx)
    if kind is None:
        return
    if kind == "token":
        use = _token_use(ctx, ctx.parent(key_node) or key_node)
        if use in ("link", "cookie") or _link_handler(ctx, key_node):
            return
        confidence = Confidence.LOW if use == "session" else Confidence.MEDIUM
    else:
        confidence = Confidence.HIGH
    yield hit(key_node, f"{kind} '{name}'", f"read from the URL query string ({source})", confidence=confidence)


def _query_read(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in ("get", "getlist", "getone", "getall") and node.args:
        source = _query_container(ctx, func.value)
        if source:
            yield from _accepted(ctx, node.args[0], source)


@on(ast.Subscript)
def check_subscript(node: ast.Subscript, ctx: FileContext) -> Iterator[Hit]:
    value = node.value  # `_query_container` needs an attribute in `_QUERY_CONTAINERS`
    if not isinstance(value, ast.Attribute) or value.attr not in _QUERY_CONTAINERS or not isinstance(node.ctx, ast.Load):
        return
    source = _query_container(ctx, node.value)
    if source:
        yield from _accepted(ctx, node.slice, source)


def _fastapi_call(ctx: FileContext, expr: ast.AST | None, names: frozenset | set) -> ast.Call | None:
    if isinstance(expr, ast.Call):
        qual = ctx.call_name(expr) or ""
        if qual.startswith("fastapi") and qual.rsplit(".", 1)[-1] in names:
            return expr
    return None


def _annotated_marker(annotation: ast.AST | None) -> ast.Call | None:
    """The ``Query(...)`` (or other marker) inside ``Annotated[str, Query(...)]``."""
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Tuple):
        for elt in annotation.slice.elts[1:]:
            if isinstance(elt, ast.Call):
                return elt
    return None


def _stringish(annotation: ast.AST | None) -> bool:
    if annotation is None:
        return False
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name) and node.id not in _STRINGISH and node.id != "Annotated":
            return False
        if isinstance(node, ast.Attribute) and node.attr not in _STRINGISH:
            return False
    return True


_FLAG_OR_NUMBER = frozenset({"bool", "int", "float", "StrictBool", "StrictInt"})


def _flag_or_number(annotation: ast.AST | None) -> bool:
    """An annotation that admits only a flag or a number (``bool``, ``Optional[int]``,
    ``bool | None``, ``Annotated[bool, Query(...)]``): FastAPI rejects any other value with a
    422, so ``include_secrets: bool = Query(False)`` (prefect's block API) is a switch, not a
    credential. Absent or unreadable annotations are not."""
    if annotation is None:
        return False
    if isinstance(annotation, ast.Subscript) and _tail_name(annotation.value) in ("Annotated", "Optional", "Union"):
        inner = annotation.slice
        elts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
        if _tail_name(annotation.value) == "Annotated":
            elts = elts[:1]
        return bool(elts) and all(_flag_or_number(e) or _none(e) for e in elts) and not all(_none(e) for e in elts)
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = (annotation.left, annotation.right)
        return all(_flag_or_number(e) or _none(e) for e in sides) and not all(_none(e) for e in sides)
    return _tail_name(annotation) in _FLAG_OR_NUMBER


def _none(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Constant) and expr.value is None or _tail_name(expr) == "None"


def _imports_fastapi(ctx: FileContext) -> bool:
    """The gate of `check_fastapi_params`: FastAPI parameters need an import of fastapi."""
    return ctx.imports_any(("fastapi",))


@on(ast.FunctionDef, ast.AsyncFunctionDef, when=_imports_fastapi)
def check_fastapi_params(node: ast.FunctionDef | ast.AsyncFunctionDef, ctx: FileContext) -> Iterator[Hit]:
    """FastAPI parameters read from the query string: ``api_key: str = Query(...)``, and in a
    route, a plain ``str`` parameter that is not part of the path (files that import fastapi
    only: the gate)."""
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    defaults: dict[str, ast.AST | None] = {a.arg: None for a in [*positional, *args.kwonlyargs]}
    for arg, default in zip(positional[len(positional) - len(args.defaults):], args.defaults):
        defaults[arg.arg] = default
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        defaults[arg.arg] = default
    route = ctx.taint.route_kind(node) == "fastapi"
    path_words = _path_params(ctx, node) if route else set()
    for arg in [*positional, *args.kwonlyargs]:
        default = defaults[arg.arg]
        marker = _annotated_marker(arg.annotation) or default
        query = _fastapi_call(ctx, marker, {"Query"})
        if query is not None:
            if _flag_or_number(arg.annotation):
                continue
            alias = next((k.value for k in query.keywords if k.arg == "alias"), None)
            name = ctx.const_str(alias) or arg.arg
            kind = _kind(name, ctx)
            if kind and not (kind == "token" and _link_handler(ctx, query)):
                confidence = Confidence.MEDIUM if kind == "token" else Confidence.HIGH
                if _authenticated_otherwise(ctx, node):
                    confidence = Confidence.LOW
                yield hit(arg, f"{kind} '{name}'", "read from the URL query string (FastAPI Query)", confidence=confidence)
            continue
        if not route or arg.arg in path_words or _fastapi_call(ctx, marker, _NON_QUERY_PARAMS) is not None:
            continue
        if isinstance(marker, ast.Call) or not _stringish(arg.annotation):
            continue
        kind = _kind(arg.arg, ctx)
        if kind and kind != "token":
            confidence = Confidence.LOW if _authenticated_otherwise(ctx, node) else Confidence.HIGH
            yield hit(arg, f"{kind} '{arg.arg}'", "read from the URL query string (FastAPI query parameter)", confidence=confidence)


def _authenticated_otherwise(ctx: FileContext, func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """An authenticating dependency provides the caller (``user=Depends(user_api_key_auth)``,
    the route's ``dependencies=[...]``, the router's or app's): then a key-named query
    parameter is data, a filter by key id (litellm's spend reports). A ``Query`` parameter
    is never such a dependency itself."""
    h = handler_of(ctx, func)
    return h is not None and next(fastapi_dependencies(ctx, h), None) is not None


def _path_params(ctx: FileContext, func: ast.AST) -> set[str]:
    names: set[str] = set()
    for dec in getattr(func, "decorator_list", ()):
        if isinstance(dec, ast.Call):
            for arg in dec.args[:1]:
                names.update(re.findall(r"\{([A-Za-z_][A-Za-z0-9_]{0,60})(?::[a-z]{1,10})?\}", ctx.const_str(arg) or ""))
    return names
