"""AIS602 tls-verification-disabled: TLS certificate or host name checks turned off.

## What it does
Flags code that turns off certificate verification:

- ``verify=False`` on requests and httpx calls, ``requests.Session`` / ``httpx.Client`` /
  ``httpx.AsyncClient`` constructors and their request methods (``get``, ``post``, ...,
  ``request``, ``send``, ``stream``), also through a constant (``VERIFY_SSL = False``);
- aiohttp ``ssl=False`` / ``verify_ssl=False`` on ``ClientSession`` methods and
  ``TCPConnector``;
- ``session.verify = False`` on a requests session or httpx client;
- any use of ``ssl._create_unverified_context``;
- ``context.check_hostname = False``;
- ``ssl.CERT_NONE`` given as a value (``verify_mode = ssl.CERT_NONE``, ``cert_reqs=ssl.CERT_NONE``),
  and urllib3's ``cert_reqs="CERT_NONE"``.

The finding points at the ``False`` or the ``CERT_NONE`` / ``_create_unverified_context`` name.

## Why is this bad?
Without verification, anyone on the network path can present their own certificate and read
or change the traffic, credentials and tokens included. Assistants add ``verify=False`` to
make an SSL error go away.

## Example
```python
import requests

def fetch(url):
    return requests.get(url, timeout=10, verify=False).json()
```

## Use instead
```python
import requests

def fetch(url):
    return requests.get(url, timeout=10, verify="/etc/ssl/certs/internal-ca.pem").json()
```

## Known problems
Comparisons such as ``if ctx.verify_mode == ssl.CERT_NONE:`` are not flagged. ``verify``
taken from configuration is not judged.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Requests: SSL cert verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification)
- [HTTPX: SSL](https://www.python-httpx.org/advanced/ssl/)
- [Python docs: ssl, security considerations](https://docs.python.org/3/library/ssl.html#ssl-security)
- [OWASP Top 10 2021 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

HTTP_LIBS = ("requests.", "httpx.")
# aiohttp: ClientSession methods and TCPConnector take ssl=False / verify_ssl=False.
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream"})
CLIENTS = frozenset(
    {
        "requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client",
        "httpx.AsyncClient", "aiohttp.ClientSession",
    }
)
_CLIENT_WORDS = frozenset({"session", "client", "http", "sess", "s"})
UNVERIFIED = "ssl._create_unverified_context"
CERT_NONE = "ssl.CERT_NONE"


def _is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _http_call(node: ast.Call, ctx: FileContext) -> bool:
    name = ctx.call_name(node)
    if name and name.startswith(HTTP_LIBS):
        return True
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in HTTP_METHODS:
        return ctx.instance_of(func.value) in CLIENTS or _client_named(func.value)
    return False


def _client_named(expr: ast.AST) -> bool:
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", None)
    return bool(name) and bool(_CLIENT_WORDS & set(split_words(name)))


def _false_value(node: ast.AST, ctx: FileContext) -> bool:
    """``False`` written here or bound to a name once (``VERIFY_SSL = False``)."""
    if isinstance(node, ast.Name):
        return _is_false(ctx.reaching_value(node))
    return _is_false(node)


def _aiohttp_call(node: ast.Call, ctx: FileContext) -> bool:
    name = ctx.call_name(node) or ""
    if name.startswith("aiohttp."):
        return True
    func = node.func
    return isinstance(func, ast.Attribute) and (ctx.instance_of(func.value) or "").startswith("aiohttp.")


@on(ast.Call)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    for kw in node.keywords:
        if kw.arg == "verify" and _false_value(kw.value, ctx) and _http_call(node, ctx):
            yield hit(kw.value, "verify=False", confidence=Confidence.HIGH)
        elif kw.arg in ("ssl", "verify_ssl") and _false_value(kw.value, ctx) and _aiohttp_call(node, ctx):
            yield hit(kw.value, f"{kw.arg}=False", confidence=Confidence.HIGH)
        elif kw.arg == "cert_reqs" and ctx.const_str(kw.value) in ("CERT_NONE", "NONE"):
            yield hit(kw.value, "cert_reqs='CERT_NONE'", confidence=Confidence.HIGH)


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if not _is_false(node.value):
        return
    for target in node.targets:
        if not isinstance(target, ast.Attribute):
            continue
        if target.attr == "check_hostname":
            yield hit(node.value, "check_hostname = False", confidence=Confidence.HIGH)
        elif target.attr == "verify":
            receiver = target.value
            if ctx.instance_of(receiver) in CLIENTS:
                yield hit(node.value, "session.verify = False", confidence=Confidence.HIGH)
            elif _client_named(receiver):
                yield hit(node.value, "session.verify = False", confidence=Confidence.MEDIUM)


def _reference(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.qualname(node)
    if name == UNVERIFIED:
        yield hit(node, "ssl._create_unverified_context", confidence=Confidence.HIGH)
    elif name == CERT_NONE and not isinstance(ctx.parent(node), ast.Compare):
        yield hit(node, "ssl.CERT_NONE", confidence=Confidence.HIGH)


@on(ast.Attribute)
def check_attribute(node: ast.Attribute, ctx: FileContext) -> Iterator[Hit]:
    if node.attr in ("_create_unverified_context", "CERT_NONE") and isinstance(node.ctx, ast.Load):
        yield from _reference(node, ctx)


@on(ast.Name)
def check_name(node: ast.Name, ctx: FileContext) -> Iterator[Hit]:
    if node.id in ("_create_unverified_context", "CERT_NONE") and isinstance(node.ctx, ast.Load):
        yield from _reference(node, ctx)
