"""AIS408 server-side-request-forgery: untrusted input chooses where the server sends a request.

## What it does
Flags an outgoing HTTP request whose URL, scheme or host comes from untrusted input (request
data, route parameters, the command line, ``input()``, a Lambda event, model output),
directly or through variables, string building, ``urljoin`` and helpers of the same module:

- ``requests.get`` / ``post`` / ... / ``request`` and ``requests.Session`` methods;
- ``httpx.get`` / ... / ``request`` / ``stream`` and ``httpx.Client`` / ``AsyncClient`` methods;
- ``urllib.request.urlopen`` and ``urllib.request.Request``;
- ``aiohttp.ClientSession`` methods, ``urllib3`` ``PoolManager.request`` / ``urlopen``;
- ``http.client.HTTPConnection`` / ``HTTPSConnection`` hosts.

Only the part of the URL that picks the destination matters: in
``f"https://api.example.com/items/{item}"`` the scheme and host are fixed, so an untrusted
path or query is not a finding, also after a base URL that is not a constant (a configured
connection: ``f"{base}/{item_id}"``, ``url += f"?{query}"``), where only the base is judged.
``f"{base}{value}"`` is a finding (``@evil.example`` moves the host), and so is
``urljoin(BASE, value)``, because an absolute or
``//host`` value replaces the base's host. Nothing is reported after a check that the parsed
host is allowed (``urlparse(url).hostname in ALLOWED``, ``!= "hooks.slack.com"``, a
dot-anchored ``endswith``, also inside ``if a or b: abort()``), after a prefix check that
includes the host's closing ``/``, for values looked up in a constant mapping, or for values
cast to a number. ``url.startswith("https://hooks.slack.com")`` without the slash does not
confine the host (``https://hooks.slack.com.evil.example/`` passes it), and neither does a
check of the scheme or path alone (``urlparse(url).scheme in ("http", "https")``).

Confidence: **high** when untrusted input reaches the URL's scheme or host (also through a
helper; the finding stays at the request and names the source); **low** (hidden by default)
in a route handler restricted to administrators (an admin dependency or decorator, or
``aisec-admin-decorators``: "verify connection" and "load from URL" features fetch the URL the
administrator is configuring), past a check by a function whose name says it validates and
whose body the rule does not read (``if not validate_api_url(base_url): raise``, imported
from another module: probably an allow-list of hosts, unverified), for an unknown value, and for a URL from the program's own command line or terminal, whose
user can already reach whatever the program can.

## Why is this bad?
The server's network position is the prize: internal admin services, databases with HTTP
interfaces, and the cloud metadata endpoint (``http://169.254.169.254/``) that hands out
instance credentials are reachable from the server but not from the attacker. ``urlopen``
also reads ``file://`` URLs.

## Example
```python
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/preview")
def preview():
    return requests.get(request.args["url"], timeout=5).text
```

## Use instead
```python
from urllib.parse import urlparse

import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"docs.example.com"}

@app.route("/preview")
def preview():
    url = request.args["url"]
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    return requests.get(url, timeout=5, allow_redirects=False).text
```

## Known problems
A host allow-list does not stop DNS rebinding or redirects to internal hosts; pass
``allow_redirects=False`` or re-check redirect targets. Clients wrapped in your own classes
are not recognised; name them with ``aisec-extra-sinks``. ``quote(value)`` with its default
``safe="/"`` is accepted as a sanitizer although ``//host`` survives it; use ``safe=""``.

## Options
``aisec-extra-sinks`` (``myapp.http.fetch:url``) adds your own request functions;
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input
readers and URL validators.

## References
- [CWE-918: Server-Side Request Forgery (SSRF)](https://cwe.mitre.org/data/definitions/918.html)
- [OWASP Top 10 2021 A10: Server-Side Request Forgery](https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/)
- [OWASP Server-Side Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
- [Python docs: urllib.parse.urljoin](https://docs.python.org/3/library/urllib.parse.html#urllib.parse.urljoin)
- [Requests: Developer Interface](https://requests.readthedocs.io/en/latest/api/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.flow import (
    Flow,
    call_arg,
    class_constant,
    cli_only,
    combine,
    generic_parts,
    rank,
    subjects,
)
from ..analysis.auth import handler_of, protection
from ..analysis.judgement import validated
from ..analysis.taint import extra_sink_args, is_dead
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# Module-level request functions: qualified name -> (position, keyword) of the URL.
# https://requests.readthedocs.io/en/latest/api/ , https://www.python-httpx.org/api/ ,
# https://docs.python.org/3/library/urllib.request.html , https://urllib3.readthedocs.io/
_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
URL_FUNCTIONS: dict[str, tuple[int, str]] = {
    **{f"requests.{v}": (0, "url") for v in _VERBS},
    **{f"requests.api.{v}": (0, "url") for v in _VERBS},
    "requests.request": (1, "url"),
    "requests.api.request": (1, "url"),
    **{f"httpx.{v}": (0, "url") for v in _VERBS},
    "httpx.request": (1, "url"),
    "httpx.stream": (1, "url"),
    "urllib.request.urlopen": (0, "url"),
    "urllib.request.Request": (0, "url"),
    "urllib3.request": (1, "url"),
    "http.client.HTTPConnection": (0, "host"),
    "http.client.HTTPSConnection": (0, "host"),
}
# Client objects (by constructor) and their URL-taking methods.
CLIENTS = frozenset(
    {
        "requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client",
        "httpx.AsyncClient", "aiohttp.ClientSession", "aiohttp.client.ClientSession",
        "urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.poolmanager.PoolManager",
    }
)
CLIENT_METHODS: dict[str, tuple[int, str]] = {
    **{v: (0, "url") for v in _VERBS},
    "request": (1, "url"),
    "stream": (1, "url"),
    "build_request": (1, "url"),
    "ws_connect": (0, "url"),
    "urlopen": (1, "url"),
}
# Parsers whose result describes the URL they were given (for host checks on the result).
# https://docs.python.org/3/library/urllib.parse.html, https://www.python-httpx.org/api/#url
URL_PARSERS = frozenset(
    {
        "urllib.parse.urlparse", "urllib.parse.urlsplit", "httpx.URL", "yarl.URL",
        "urllib3.util.parse_url", "urllib3.util.url.parse_url", "furl.furl", "rfc3986.urlparse",
    }
)
HOST_ATTRS = frozenset({"hostname", "netloc", "host", "authority", "raw_host"})
URLJOIN = frozenset({"urllib.parse.urljoin", "requests.compat.urljoin"})
# A constant prefix that fixes scheme and host: "https://api.example.com/..." (the host is
# closed by "/", "?" or "#", so nothing after it can reach the authority).
_FIXED_HOST = lazy_compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\@]+[/?#]")
# A relative reference that cannot become absolute or scheme-relative: "items/", "/api/v1/".
_FIXED_RELATIVE = lazy_compile(r"^/?[^/:?#\\]+[/?#]")
_PRINTF = lazy_compile(r"%%|%(?:\([^)]{0,100}\))?[-#0 +]{0,5}[0-9.*]{0,10}[sdifrxXeEgGcab]")


def _segments(ctx: FileContext, expr: ast.AST, depth: int = 0) -> list | None:
    """A string-building expression as constant text (str) and non-constant parts (ast),
    in order; None when `expr` is not built here. Names bound once to a built string are
    inlined, so ``base = f"https://{host}"; base + "/items/" + x`` keeps `x` in the path."""
    if depth > 4:
        return None
    if isinstance(expr, ast.Name):
        binds = ctx.bindings_of(expr)
        if len(binds) == 1 and binds[0].value is not None and not binds[0].augmented:
            return _segments(ctx, binds[0].value, depth + 1)
        return _appended_segments(ctx, expr, depth)
    if isinstance(expr, ast.JoinedStr):
        out: list = []
        for v in expr.values:
            if isinstance(v, ast.Constant):
                out.append(str(v.value))
            elif isinstance(v, ast.FormattedValue):
                out.append(_text(ctx, v.value))
        return out
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left = _segments(ctx, expr.left, depth + 1)
        right = _segments(ctx, expr.right, depth + 1)
        if left is None:
            left = [_text(ctx, expr.left)]
        if right is None:
            right = [_text(ctx, expr.right)]
        return left + right
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
        fmt = ctx.const_str(expr.left)
        if fmt is None:
            return None
        values = list(expr.right.elts) if isinstance(expr.right, ast.Tuple) else [expr.right]
        out, start, index = [], 0, 0
        for m in _PRINTF.finditer(fmt):
            out.append(fmt[start:m.start()])
            start = m.end()
            if m.group(0) == "%%":
                out.append("%")
                continue
            out.append(_text(ctx, values[index]) if index < len(values) else expr.right)
            index += 1
        out.append(fmt[start:])
        return out
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
        fmt = ctx.const_str(expr.func.value)
        if fmt is None:
            return None
        args = [*expr.args, *(k.value for k in expr.keywords)]
        pieces = re.split(r"\{[^{}]{0,100}\}", fmt)
        out = []
        for i, text in enumerate(pieces):
            out.append(text)
            if i < len(pieces) - 1:
                out.append(_text(ctx, args[i]) if i < len(args) else (args[-1] if args else ""))
        return out
    return None


def _appended_segments(ctx: FileContext, name: ast.Name, depth: int) -> list | None:
    """A URL built in steps, ``url = f"{base}/{path}"`` then ``url += f"?{query}"``: the
    segments of the plain binding that reaches `name` followed by those of each ``+=`` after
    it; None unless every step is string building."""
    steps = ctx.reaching_bindings(name)
    if len(steps) < 2 or steps[0].augmented or steps[0].value is None:
        return None
    out = _segments(ctx, steps[0].value, depth + 1)
    for b in steps[1:]:
        stmt = ctx.statement_of(b.target)
        if out is None or b.kind != "aug" or not (isinstance(stmt, ast.AugAssign) and isinstance(stmt.op, ast.Add)):
            return None
        more = _segments(ctx, stmt.value, depth + 1)
        out = None if more is None else out + more
    return out


def _text(ctx: FileContext, expr: ast.AST):
    """Constant text of a part, or the part itself."""
    text = ctx.const_str(expr)
    if text is None:
        text = class_constant(ctx, expr)
    return text if text is not None else expr


def _destination_parts(ctx: FileContext, segments: list, pattern: re.Pattern) -> list:
    """The non-constant parts that come before the constant text fixes the destination."""
    out = []
    prefix = ""
    for seg in segments:
        if isinstance(seg, str):
            prefix += seg
            continue
        if pattern.match(prefix):
            break
        if not ctx.is_constant(seg):
            out.append(seg)
        # A value that starts the URL stands for a base URL (f"{API_BASE}/items/{x}"): it is
        # judged itself, and a "/" after it closes the host.
        prefix += "base://\x00" if prefix == "" and pattern is _FIXED_HOST else "\x00"
    return out


class UrlFlow(Flow):
    """URLs: only parts that can reach the scheme or the authority count."""

    kind = "url"
    weak_note = "a check that does not fix the host"

    def parts(self, expr: ast.AST) -> list | None:
        ctx = self.ctx
        segments = _segments(ctx, expr)
        if segments is not None:
            return _destination_parts(ctx, segments, _FIXED_HOST)
        if isinstance(expr, ast.Call) and ctx.call_name(expr) in URLJOIN and len(expr.args) >= 2:
            base, rel = expr.args[0], expr.args[1]
            rel_segments = _segments(ctx, rel)
            rel_parts = _destination_parts(ctx, rel_segments, _FIXED_RELATIVE) if rel_segments is not None else [rel]
            return [base, *rel_parts]
        if isinstance(expr, ast.Call) and ctx.call_name(expr) in URL_PARSERS | {"urllib.request.Request"}:
            return list(expr.args[:1])
        return generic_parts(ctx, expr)

    def _judge(self, expr: ast.AST, depth: int) -> tuple[str, list]:
        """The engine's verdict on a built URL covers every part, the path and query too;
        when the parts that can pick the destination are only unknown (a configured base
        URL: ``f"{base}/{item_id}"``), that is the verdict."""
        verdict, found = super()._judge(expr, depth)
        if verdict != "source":
            return verdict, found
        segments = _segments(self.ctx, expr)
        if segments is None:
            return verdict, found
        destination = combine([self.judge(p, depth + 1) for p in _destination_parts(self.ctx, segments, _FIXED_HOST)])
        return destination if rank(destination[0]) < rank(verdict) else (verdict, found)

    def check(self, test: ast.AST, target: set) -> str | None:
        ctx = self.ctx
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            op = test.ops[0]
            if isinstance(op, (ast.In, ast.NotIn, ast.Eq, ast.NotEq)) and self._is_host_of(test.left, target):
                if _clean(ctx, test.comparators[0]):
                    return "pos" if isinstance(op, (ast.In, ast.Eq)) else "neg"
        if isinstance(test, ast.Call):
            func = test.func
            method = func.attr if isinstance(func, ast.Attribute) and test.args else None
            if method == "endswith" and self._is_host_of(func.value, target) and _dot_anchored(ctx, test.args[0]):
                return "pos"
            if method == "startswith" and subjects(ctx, func.value, _URL_THROUGH) & target and _fixes_host(ctx, test.args[0]):
                return "pos"
            gen = test.args[0] if test.args else None
            if ctx.call_name(test) in ("builtins.any", "builtins.all") and isinstance(gen, ast.GeneratorExp):
                if all(_clean(ctx, g.iter) for g in gen.generators) and self._host_test(gen.elt, target):
                    return "pos"
        return None

    def _host_test(self, expr: ast.AST, target: set, depth: int = 0) -> bool:
        """Inside ``any(...)``: every alternative compares or suffix-matches the host."""
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            return depth < 10 and all(self._host_test(v, target, depth + 1) for v in expr.values)
        if isinstance(expr, ast.Compare) and len(expr.ops) == 1 and isinstance(expr.ops[0], ast.Eq):
            return self._is_host_of(expr.left, target) or self._is_host_of(expr.comparators[0], target)
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.args:
            if expr.func.attr == "endswith":
                return self._is_host_of(expr.func.value, target) and _dot_anchored(self.ctx, expr.args[0])
        return False

    def _is_host_of(self, expr: ast.AST, target: set, depth: int = 0) -> bool:
        """``urlparse(url).hostname``, ``parsed.netloc``, ``host`` (bound to one of them),
        ``url.host`` for an httpx.URL, optionally lower-cased or defaulted."""
        ctx = self.ctx
        if depth > 4:
            return False
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in _HOST_NORMALISERS:
            return self._is_host_of(expr.func.value, target, depth + 1)
        if isinstance(expr, ast.BoolOp):
            return any(self._is_host_of(v, target, depth + 1) for v in expr.values if not ctx.is_constant(v))
        if isinstance(expr, ast.Attribute) and expr.attr in HOST_ATTRS:
            return bool(subjects(ctx, expr.value, _URL_THROUGH) & target)
        if isinstance(expr, ast.Name):
            value = ctx.reaching_value(expr)
            return value is not None and self._is_host_of(value, target, depth + 1)
        return False

    def weak_check(self, test: ast.AST, target: set) -> tuple[ast.AST, str] | None:
        ctx = self.ctx
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Attribute):
            # urlparse(url).scheme in ("http", "https"): the engine clears `url`, the host is open.
            if test.left.attr not in HOST_ATTRS and subjects(ctx, test.left.value, _URL_THROUGH) & target:
                return test.left.value, "neg" if isinstance(test.ops[0], (ast.NotIn, ast.NotEq)) else "pos"
        func = test.func if isinstance(test, ast.Call) and test.args else None
        if isinstance(func, ast.Attribute) and func.attr == "startswith":
            receiver = func.value
            if subjects(ctx, receiver, _URL_THROUGH) & target and not _fixes_host(ctx, test.args[0]):
                return receiver, "pos"
        return None


_HOST_NORMALISERS = frozenset({"lower", "casefold", "strip", "rstrip"})
_URL_THROUGH = URL_PARSERS | frozenset({"builtins.str", ".strip", ".lower"})


def _clean(ctx: FileContext, expr: ast.AST) -> bool:
    if ctx.is_constant(expr, sanitizers=False):
        return True
    return not ctx.taint.of(expr)


def _dot_anchored(ctx: FileContext, expr: ast.AST) -> bool:
    """``".example.com"`` or ``"." + domain``: a suffix that starts at a label boundary."""
    text = ctx.const_str(expr)
    if text is not None:
        return text.startswith(".")
    if isinstance(expr, ast.Tuple):
        return bool(expr.elts) and all(_dot_anchored(ctx, e) for e in expr.elts)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left = ctx.const_str(expr.left)
        return left is not None and left.startswith(".") and _clean(ctx, expr.right)
    if isinstance(expr, ast.JoinedStr) and expr.values and isinstance(expr.values[0], ast.Constant):
        return str(expr.values[0].value).startswith(".") and _clean(ctx, expr)
    return False


def _fixes_host(ctx: FileContext, expr: ast.AST) -> bool:
    """A prefix constant that includes the host and the "/" closing it."""
    text = ctx.const_str(expr)
    if text is None:
        if isinstance(expr, ast.Tuple) and expr.elts:
            return all(_fixes_host(ctx, e) for e in expr.elts)
        return False
    return bool(_FIXED_HOST.match(text))


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(URL argument, sink description)`` for each request a call makes."""
    yield from extra_sink_args(ctx, node, "url")
    name = ctx.call_name(node)
    if name in URL_FUNCTIONS:
        index, kw = URL_FUNCTIONS[name]
        arg = call_arg(node, index, kw)
        if arg is not None:
            if name == "urllib.request.urlopen" and _is_request_object(ctx, arg):
                return  # reported at the Request(...) that built it
            yield arg, f"{name}()"
        return
    func = node.func
    if name is None and isinstance(func, ast.Attribute) and func.attr in CLIENT_METHODS:
        client = ctx.instance_of(func.value)
        if client in CLIENTS:
            index, kw = CLIENT_METHODS[func.attr]
            arg = call_arg(node, index, kw)
            if arg is not None:
                yield arg, f"{client.rsplit('.', 1)[-1]}.{func.attr}()"


def _admin_handler(ctx: FileContext, node: ast.AST) -> bool:
    """True when the request is made by a route handler restricted to administrators
    (`auth.protection`: an admin dependency or decorator, ``aisec-admin-decorators``, staff
    permission classes): the URL is the integration endpoint the administrator configures,
    which the settings would let them point anywhere anyway."""
    func = ctx.enclosing_function(node)
    if func is None:
        return False
    h = handler_of(ctx, func)
    return h is not None and protection(ctx, h).admin


def _is_request_object(ctx: FileContext, expr: ast.AST) -> bool:
    value = ctx.reaching_value(expr) if isinstance(expr, ast.Name) else expr
    return isinstance(value, ast.Call) and ctx.call_name(value) == "urllib.request.Request"


# Callee names `sink_args` reports on: module functions by the last part of their qualified
# name, and client methods.
CALLEES = frozenset({n.rsplit(".", 1)[-1] for n in URL_FUNCTIONS} | set(CLIENT_METHODS))


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if is_dead(ctx, node):
        return
    flow = UrlFlow.of(ctx)
    for arg, sink in sink_args(node, ctx):
        if ctx.is_constant(arg):
            continue
        verdict, found = flow.judge(arg)
        if verdict == "safe":
            continue
        if verdict == "source" and not cli_only(found):
            # An administrator's handler, or a check by a validator whose body is not read
            # here (`judgement.validated`: ``if not validate_api_url(url): raise``).
            low = _admin_handler(ctx, node) or validated(ctx, arg, "url")
            yield hit(arg, ", ".join(found), sink, confidence=Confidence.LOW if low else Confidence.HIGH)
        elif verdict == "source":
            # A command-line tool fetching the URL its user names is doing its job.
            yield hit(arg, ", ".join(found), sink, confidence=Confidence.LOW)
        else:
            yield hit(arg, "a non-constant value", sink, confidence=Confidence.LOW)
