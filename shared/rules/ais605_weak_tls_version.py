"""AIS605 weak-tls-version: a TLS connection that allows or forces SSL 2/3, TLS 1.0 or TLS 1.1.

## What it does
Flags a deprecated protocol version used as a value:

- the standard library's ``ssl.PROTOCOL_SSLv2``, ``PROTOCOL_SSLv3``, ``PROTOCOL_TLSv1`` and
  ``PROTOCOL_TLSv1_1`` (``ssl.SSLContext(ssl.PROTOCOL_TLSv1)``,
  ``ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)``,
  ``urllib3.PoolManager(ssl_version=...)``);
- ``ssl.TLSVersion.SSLv3``, ``TLSv1`` and ``TLSv1_1`` (``ctx.minimum_version =
  ssl.TLSVersion.TLSv1``, ``ssl_minimum_version=...``);
- pyOpenSSL's ``SSL.SSLv2_METHOD``, ``SSLv3_METHOD``, ``TLSv1_METHOD`` and ``TLSv1_1_METHOD``
  (``SSL.Context(SSL.TLSv1_METHOD)``).

Passed to a call or assigned, the confidence is high; in a table of choices (a dict or list
literal, ``versions[ssl.PROTOCOL_TLSv1] = ...``, say a mapping from configuration names) it is
low. Comparisons
(``if ctx.minimum_version < ssl.TLSVersion.TLSv1_2:``) are never flagged.

## Why is this bad?
SSL 2.0 and 3.0 are broken (DROWN, POODLE) and TLS 1.0 and 1.1 were deprecated by RFC 8996
in 2021 (BEAST, weak MD5 / SHA-1 handshake hashes, no AEAD ciphers). A context pinned to one
of them, or whose minimum allows them, lets an attacker on the path negotiate the connection
down to a protocol they can break. Assistants copy ``PROTOCOL_TLSv1`` from old answers that
predate ``PROTOCOL_TLS_CLIENT``.

## Example
```python
import ssl

context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
```

## Use instead
```python
import ssl

context = ssl.create_default_context()
context.minimum_version = ssl.TLSVersion.TLSv1_2
```

## Known problems
Versions named by a string (``ssl_version="TLSv1"`` in a library's own settings) and
``OP_NO_*`` options cleared from ``context.options`` are not checked. A library that offers
old protocols to its users on purpose (a table of versions passed through) is reported at low
confidence only.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-757: Selection of Less-Secure Algorithm During Negotiation ('Algorithm Downgrade')](https://cwe.mitre.org/data/definitions/757.html)
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [RFC 8996: Deprecating TLS 1.0 and TLS 1.1](https://www.rfc-editor.org/rfc/rfc8996)
- [RFC 7568: Deprecating Secure Sockets Layer Version 3.0](https://www.rfc-editor.org/rfc/rfc7568)
- [Python docs: ssl, protocol versions and TLSVersion](https://docs.python.org/3/library/ssl.html#ssl.TLSVersion)
- [pyOpenSSL: Context methods](https://www.pyopenssl.org/en/stable/api/ssl.html#context-objects)
- [OWASP Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..checks import Confidence, FileContext, Hit, hit, on

# Deprecated protocol constants by qualified name -> the protocol they pin or allow.
# https://docs.python.org/3/library/ssl.html#ssl.PROTOCOL_TLSv1 (deprecated since 3.6),
# https://docs.python.org/3/library/ssl.html#ssl.TLSVersion,
# https://www.pyopenssl.org/en/stable/api/ssl.html#OpenSSL.SSL.TLSv1_METHOD
WEAK = {
    "ssl.PROTOCOL_SSLv2": "SSL 2.0",
    "ssl.PROTOCOL_SSLv3": "SSL 3.0",
    "ssl.PROTOCOL_TLSv1": "TLS 1.0",
    "ssl.PROTOCOL_TLSv1_1": "TLS 1.1",
    "ssl.TLSVersion.SSLv3": "SSL 3.0",
    "ssl.TLSVersion.TLSv1": "TLS 1.0",
    "ssl.TLSVersion.TLSv1_1": "TLS 1.1",
    "OpenSSL.SSL.SSLv2_METHOD": "SSL 2.0",
    "OpenSSL.SSL.SSLv3_METHOD": "SSL 3.0",
    "OpenSSL.SSL.TLSv1_METHOD": "TLS 1.0",
    "OpenSSL.SSL.TLSv1_1_METHOD": "TLS 1.1",
}
_LAST = frozenset(name.rsplit(".", 1)[-1] for name in WEAK)
_CONTAINERS = (ast.Tuple, ast.List, ast.Set, ast.Dict)


def _judge(node: ast.Attribute | ast.Name, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.qualname(node)
    version = WEAK.get(name or "")
    if version is None:
        return
    parent = ctx.parent(node)
    while isinstance(parent, _CONTAINERS) and not isinstance(parent, ast.Dict):
        parent = ctx.parent(parent)
    if isinstance(parent, ast.Compare):
        return  # a version check, not a choice
    direct = ctx.parent(node)
    table = (
        isinstance(parent, ast.Dict)
        or isinstance(direct, _CONTAINERS)
        or (isinstance(direct, ast.Subscript) and direct.slice is node)
        or (isinstance(direct, ast.Assign) and all(isinstance(t, ast.Subscript) for t in direct.targets))
    )
    if table:
        confidence = Confidence.LOW  # a table of choices (versions[ssl.PROTOCOL_TLSv1] = ...)
    else:
        confidence = Confidence.HIGH
    shown = name.replace("OpenSSL.", "") if name else version
    yield hit(node, shown, version, confidence=confidence)


@on(ast.Attribute, names=_LAST)
def check_attribute(node: ast.Attribute, ctx: FileContext) -> Iterator[Hit]:
    if node.attr in _LAST and isinstance(node.ctx, ast.Load):
        yield from _judge(node, ctx)


@on(ast.Name, names=_LAST)
def check_name(node: ast.Name, ctx: FileContext) -> Iterator[Hit]:
    if node.id in _LAST and isinstance(node.ctx, ast.Load):
        yield from _judge(node, ctx)
