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
  urllib3's ``cert_reqs="CERT_NONE"`` (``PoolManager``, ``connection_from_url``, ...) and
  pyOpenSSL's ``SSL.VERIFY_NONE`` (``context.set_verify(SSL.VERIFY_NONE, ...)``);
- ``ssl.wrap_socket(sock)`` on the client side without ``cert_reqs``: its default is
  ``CERT_NONE`` (medium confidence; the function was removed in Python 3.12);
- silencing urllib3's ``InsecureRequestWarning``: ``urllib3.disable_warnings()``,
  ``requests.packages.urllib3.disable_warnings(...)``, ``warnings.filterwarnings("ignore",
  category=InsecureRequestWarning)`` / ``simplefilter``. The call verifies nothing away itself,
  but urllib3 raises that warning only for a request made without verification, so the code
  around it expects some (medium confidence).

Deprecated protocol versions (``PROTOCOL_TLSv1``, ``minimum_version = TLSVersion.TLSv1``)
are AIS605's (weak-tls-version).

The finding points at the ``False``, the ``CERT_NONE`` / ``VERIFY_NONE`` /
``_create_unverified_context`` name or the call.

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

``CERT_NONE`` on a server-side context (``create_default_context(ssl.Purpose.CLIENT_AUTH)``,
``SSLContext(ssl.PROTOCOL_TLS_SERVER)``, ``wrap_socket(..., server_side=True)``) and
``VERIFY_NONE`` on a pyOpenSSL ``TLS_SERVER_METHOD`` context only mean that no client
certificate is requested and are not reported.

## Known problems
Comparisons such as ``if ctx.verify_mode == ssl.CERT_NONE:``, translation tables
(``{ssl.CERT_NONE: SSL.VERIFY_NONE}``) and choices made by a flag
(``ssl.CERT_REQUIRED if verify else ssl.CERT_NONE``) are not flagged, and neither is code
in the branch where the program's own verification setting is off (``if ssl_verify is
False:``, the ``else`` of ``if settings.verify_tls:`` or ``if self.validate_certs:``, ``if
insecure:``; ``ssl._create_unverified_context`` there included), silenced
``InsecureRequestWarning`` included (``if self.config.verify_ssl is False:
urllib3.disable_warnings(...)``): it honours the user's opt-out as ``verify=ssl_verify`` does. A setting bound to a constant
(``VERIFY_SSL = False``) is no one's choice and is still reported; a branch on another
condition (``if ssl_require:``) is too. ``check_hostname = False`` on a context made by
urllib3's ``create_urllib3_context()`` is not reported: urllib3 matches the host name itself
after the handshake while the certificate is checked (``CERT_NONE`` on it still is). ``verify``
taken from configuration is not judged. A context built with ``ssl.SSLContext(ssl.PROTOCOL_TLS)``
(whose default is ``CERT_NONE``) and used by a client is not reported: build it with
``ssl.create_default_context()`` or ``PROTOCOL_TLS_CLIENT``, which verify by default.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Requests: SSL cert verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification)
- [HTTPX: SSL](https://www.python-httpx.org/advanced/ssl/)
- [Python docs: ssl, security considerations](https://docs.python.org/3/library/ssl.html#ssl-security)
- [Python 3.11 docs: ssl.wrap_socket, cert_reqs=CERT_NONE by default](https://docs.python.org/3.11/library/ssl.html#ssl.wrap_socket)
- [urllib3: TLS warnings, InsecureRequestWarning](https://urllib3.readthedocs.io/en/stable/advanced-usage.html#tls-warnings)
- [pyOpenSSL: Context.set_verify, VERIFY_NONE](https://www.pyopenssl.org/en/stable/api/ssl.html#OpenSSL.SSL.Context.set_verify)
- [OWASP Top 10 2021 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import split_words
from ..analysis.optout import opted_out
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
# pyOpenSSL: https://www.pyopenssl.org/en/stable/api/ssl.html#OpenSSL.SSL.VERIFY_NONE
VERIFY_NONE = "OpenSSL.SSL.VERIFY_NONE"
# ssl.wrap_socket(sock, keyfile, certfile, server_side=False, cert_reqs=CERT_NONE, ...):
# https://docs.python.org/3.11/library/ssl.html#ssl.wrap_socket (removed in 3.12).
WRAP_SOCKET = "ssl.wrap_socket"
# urllib3 warns with InsecureRequestWarning for each unverified HTTPS request:
# https://urllib3.readthedocs.io/en/stable/advanced-usage.html#tls-warnings
INSECURE_WARNING = "InsecureRequestWarning"
_WARNING_FILTERS = frozenset({"warnings.filterwarnings", "warnings.simplefilter"})
_REFERENCES = frozenset({"_create_unverified_context", "CERT_NONE", "VERIFY_NONE"})


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


@on(ast.Call, keywords={"verify", "ssl", "verify_ssl", "cert_reqs"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    for kw in node.keywords:
        if kw.arg == "verify" and _false_value(kw.value, ctx) and _http_call(node, ctx):
            yield hit(kw.value, "verify=False", confidence=Confidence.HIGH)
        elif kw.arg in ("ssl", "verify_ssl") and _false_value(kw.value, ctx) and _aiohttp_call(node, ctx):
            yield hit(kw.value, f"{kw.arg}=False", confidence=Confidence.HIGH)
        elif kw.arg == "cert_reqs" and ctx.const_str(kw.value) in ("CERT_NONE", "NONE"):
            yield hit(kw.value, "cert_reqs='CERT_NONE'", confidence=Confidence.HIGH)


@on(ast.Assign, names={"check_hostname", "verify"})
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if not _is_false(node.value):
        return
    for target in node.targets:
        if not isinstance(target, ast.Attribute):
            continue
        if target.attr == "check_hostname":
            if not opted_out(node, ctx) and not _urllib3_context(target.value, ctx):
                yield hit(node.value, "check_hostname = False", confidence=Confidence.HIGH)
        elif target.attr == "verify":
            receiver = target.value
            if ctx.instance_of(receiver) in CLIENTS:
                yield hit(node.value, "session.verify = False", confidence=Confidence.HIGH)
            elif _client_named(receiver):
                yield hit(node.value, "session.verify = False", confidence=Confidence.MEDIUM)


def _names_insecure_warning(node: ast.AST, ctx: FileContext) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, (ast.Name, ast.Attribute)):
            name = ctx.qualname(sub) or (sub.id if isinstance(sub, ast.Name) else sub.attr)
            if name.rsplit(".", 1)[-1] == INSECURE_WARNING:
                return True
    return False


@on(ast.Call, callees={"disable_warnings", "filterwarnings", "simplefilter", "wrap_socket"})
def check_helpers(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """Silenced InsecureRequestWarning and ``ssl.wrap_socket`` without ``cert_reqs``."""
    name = ctx.call_name(node) or ""
    if name != WRAP_SOCKET and opted_out(node, ctx):
        return  # `if verify_ssl is False: urllib3.disable_warnings(...)`: the user's opt-out
    if name == "urllib3.disable_warnings" or name.endswith(".urllib3.disable_warnings"):
        if not node.args or _names_insecure_warning(node.args[0], ctx):
            yield hit(node, f"{name}() hides the warning of unverified requests", confidence=Confidence.MEDIUM)
    elif name in _WARNING_FILTERS:
        action_node = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "action"), None)
        action = ctx.const_str(action_node)
        if action == "ignore" and _names_insecure_warning(node, ctx):
            yield hit(node, f"{name}('ignore', InsecureRequestWarning) hides the warning of unverified requests",
                confidence=Confidence.MEDIUM)
    elif name == WRAP_SOCKET:
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            return
        server_side = node.args[3] if len(node.args) > 3 else next((k.value for k in node.keywords if k.arg == "server_side"), None)
        cert_reqs = node.args[4] if len(node.args) > 4 else next((k.value for k in node.keywords if k.arg == "cert_reqs"), None)
        client = server_side is None or (isinstance(server_side, ast.Constant) and server_side.value is False)
        if cert_reqs is None and client:
            yield hit(node.func, "ssl.wrap_socket() without cert_reqs defaults to CERT_NONE", confidence=Confidence.MEDIUM)


def _server_context(expr: ast.AST, ctx: FileContext) -> bool:
    """A context for the server side, where CERT_NONE only means "ask no client certificate":
    ``ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)`` or
    ``ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`` (https://docs.python.org/3/library/ssl.html#ssl.Purpose.CLIENT_AUTH)."""
    value = ctx.reaching_value(expr) if isinstance(expr, ast.Name) else expr
    if not isinstance(value, ast.Call):
        return False
    name = ctx.call_name(value)
    first = value.args[0] if value.args else next((k.value for k in value.keywords if k.arg in ("purpose", "protocol")), None)
    wanted = {"ssl.create_default_context": "ssl.Purpose.CLIENT_AUTH", "ssl.SSLContext": "ssl.PROTOCOL_TLS_SERVER"}.get(name or "")
    return wanted is not None and first is not None and ctx.qualname(first) == wanted


def _server_side(node: ast.AST, ctx: FileContext) -> bool:
    """CERT_NONE set on a server-side context or socket (no client certificate requested)."""
    parent = ctx.parent(node)
    if isinstance(parent, ast.Assign):
        return any(
            isinstance(t, ast.Attribute) and t.attr == "verify_mode" and _server_context(t.value, ctx)
            for t in parent.targets
        )
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr == "set_verify":
        # pyOpenSSL: SSL.Context(SSL.TLS_SERVER_METHOD).set_verify(SSL.VERIFY_NONE)
        value = parent.func.value
        value = ctx.reaching_value(value) if isinstance(value, ast.Name) else value
        return (
            isinstance(value, ast.Call)
            and ctx.call_name(value) == "OpenSSL.SSL.Context"
            and bool(value.args)
            and ctx.qualname(value.args[0]) == "OpenSSL.SSL.TLS_SERVER_METHOD"
        )
    if isinstance(parent, ast.keyword) and parent.arg == "cert_reqs":
        call = ctx.parent(parent)
        return isinstance(call, ast.Call) and any(
            k.arg == "server_side" and isinstance(k.value, ast.Constant) and k.value.value is True for k in call.keywords
        )
    return False


def _table_or_choice(node: ast.AST, ctx: FileContext) -> bool:
    """A translation table (``{ssl.CERT_NONE: SSL.VERIFY_NONE}``, ``modes[ssl.CERT_NONE] = ...``)
    or one branch of a choice made by a flag (``ssl.CERT_REQUIRED if verify else ssl.CERT_NONE``):
    verification is as configurable there as with ``verify=flag``, which is not judged."""
    parent = ctx.parent(node)
    if isinstance(parent, ast.Dict) or (isinstance(parent, ast.Subscript) and parent.slice is node):
        return True
    if isinstance(parent, ast.Assign) and all(isinstance(t, ast.Subscript) for t in parent.targets):
        return True
    return isinstance(parent, ast.IfExp) and parent.test is not node


# urllib3 builds its contexts with check_hostname off and matches the host name itself after
# the handshake unless the certificate check is off (urllib3.util.ssl_.create_urllib3_context,
# urllib3.connection._ssl_wrap_socket_and_match_hostname).
URLLIB3_CONTEXTS = frozenset(
    {
        "urllib3.util.ssl_.create_urllib3_context",
        "urllib3.util.create_urllib3_context",
        "requests.packages.urllib3.util.ssl_.create_urllib3_context",
        "requests.packages.urllib3.util.create_urllib3_context",
    }
)


def _urllib3_context(expr: ast.AST, ctx: FileContext) -> bool:
    """A context made by urllib3's ``create_urllib3_context()`` (here or bound to a name)."""
    value = ctx.reaching_value(expr) if isinstance(expr, ast.Name) else expr
    return isinstance(value, ast.Call) and ctx.call_name(value) in URLLIB3_CONTEXTS


def _reference(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.qualname(node)
    if name == UNVERIFIED:
        if not opted_out(node, ctx):
            yield hit(node, "ssl._create_unverified_context", confidence=Confidence.HIGH)
    elif name in (CERT_NONE, VERIFY_NONE) and not isinstance(ctx.parent(node), ast.Compare):
        if not _server_side(node, ctx) and not _table_or_choice(node, ctx) and not opted_out(node, ctx):
            yield hit(node, name.replace("OpenSSL.", ""), confidence=Confidence.HIGH)


@on(ast.Attribute, names=_REFERENCES)
def check_attribute(node: ast.Attribute, ctx: FileContext) -> Iterator[Hit]:
    if node.attr in _REFERENCES and isinstance(node.ctx, ast.Load):
        yield from _reference(node, ctx)


@on(ast.Name, names=_REFERENCES)
def check_name(node: ast.Name, ctx: FileContext) -> Iterator[Hit]:
    if node.id in _REFERENCES and isinstance(node.ctx, ast.Load):
        yield from _reference(node, ctx)
