"""AIS410 header-injection: untrusted input in an HTTP response header.

## What it does
Flags a response header value built from untrusted input (request data, route parameters,
a Lambda event, a WSGI ``environ``, model output):

- ``response.headers[name] = value`` (Flask, Werkzeug, Starlette, FastAPI, Django 3.2+) and
  Django's ``response[name] = value``;
- ``response.headers.add(name, value)`` / ``set`` / ``setdefault`` / ``append``;
- ``headers={...}`` of a response constructor (``Response``, ``HTMLResponse``,
  ``HttpResponse``, ``JSONResponse``, ...) and the header dict of ``make_response``;
- the ``headers`` of an API Gateway / Lambda proxy response and the header list passed to a
  WSGI ``start_response``.

``Content-Disposition`` filenames are the most common case: a quote, ``;`` or ``,`` in the
name adds parameters (a second ``filename*``), and CR/LF splits the header where the server
lets it through. The finding points at the value. Confidence is high for untrusted input;
low (hidden by default) for a parameter of a function nobody in the module calls. A
``Location`` header whose host the input can choose is reported by AIS409 open-redirect
instead.

Nothing is reported for constants, casts, ``werkzeug.utils.secure_filename``,
``urllib.parse.quote`` (RFC 8187 ``filename*=UTF-8''...``), the characters a comprehension keeps
when its filter drops CR, LF and ``"`` (``"".join(ch for ch in name if ch.isprintable() and ch
not in '"\\r\\n')``, ``c.isalnum()``), a value from a constant mapping or
checked against an allow-list, Werkzeug's ``headers.add(name, "attachment",
filename=value)`` (which quotes the parameter), or Django's ``content_disposition_header()``.

## Why is this bad?
Header values are structured: a client-chosen value can add header parameters, another
cookie attribute or link, change the Content-Type of a stored file into HTML, or, on servers
that pass CR/LF through, start new headers and a forged body (response splitting). Current
Werkzeug and Django reject newlines, but ASGI servers and hand-written WSGI code may not, and
the parameter injections need no newline at all.

## Example
```python
from flask import Flask, Response, request

app = Flask(__name__)

@app.route("/export")
def export():
    filename = request.args.get("filename", "report.csv")
    resp = Response("id,name\\n", mimetype="text/csv")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp
```

## Use instead
```python
from flask import Flask, Response, request
from werkzeug.utils import secure_filename

app = Flask(__name__)

@app.route("/export")
def export():
    filename = secure_filename(request.args.get("filename", "report.csv")) or "report.csv"
    resp = Response("id,name\\n", mimetype="text/csv")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp
```

## Known problems
Your own cleaning functions (``re.sub(r"[^\\w.-]", "", name)``, ``slugify``) are trusted
because their result is not traced as input; a function that only strips CR/LF leaves
parameter injection open. Header objects that are not reached through a ``.headers``
attribute or a known response object are not seen. FastAPI parameters the framework fills
(``response: Response``, ``BackgroundTasks``, ``Annotated[T, Depends(...)]`` and aliases of
it, including imported ones named ``...Dep`` by FastAPI's convention) are not request data:
a header copied from the outgoing response or a value read from an injected store is not
reported.

## Options
``aisec-extra-sinks`` (``myapp.http.set_header:header``) adds your own header setters;
``aisec-extra-sanitizers`` (``myapp.text.header_safe:header``) names your own cleaning
functions.

## References
- [CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')](https://cwe.mitre.org/data/definitions/113.html)
- [RFC 6266: Use of the Content-Disposition Header Field, Appendix D](https://www.rfc-editor.org/rfc/rfc6266#appendix-D)
- [Werkzeug: Headers.add](https://werkzeug.palletsprojects.com/en/stable/datastructures/#werkzeug.datastructures.Headers.add)
- [Django: content_disposition_header](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.http.content_disposition_header)
- [OWASP: HTTP Response Splitting](https://owasp.org/www-community/attacks/HTTP_Response_Splitting)
"""

from __future__ import annotations

import ast
from typing import Iterable, Iterator

from ..analysis.judgement import describe, from_params, judge
from ..analysis.responses import HEADER_CALLEES, header_nodes, header_writes, may_write_headers, open_redirect
from ..analysis.strings import constant
from ..analysis.taint import extra_sink_args, is_dead
from ..checks import Confidence, FileContext, Hit, hit, on


def _sink(header: str | None) -> str:
    return f"the {header} header" if header else "a response header"


@on(ast.Call, callees=HEADER_CALLEES)
def check_header(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """A header setter call (``response.headers.add(name, value)``, ``start_response``) or a
    declared header sink (``aisec-extra-sinks``, which reach every check that declares
    callees) whose value is untrusted input."""
    declared = bool(ctx.settings.extra_sinks)
    if not declared and not may_write_headers(node, ctx):
        return
    writes = list(header_writes(node, ctx))
    if declared:
        writes.extend((None, arg) for arg, _sink_name in extra_sink_args(ctx, node, "header"))  # type: ignore[arg-type]
    yield from _hits(writes, ctx)


@on(ast.Module)
def check_header_writes(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Headers written by a response constructor (``Response(headers={...})``), an assignment
    (``response.headers[name] = value``) or an API Gateway response dict: the nodes no callee
    name lists, read once per file (`responses.header_nodes`)."""
    for node in header_nodes(ctx):
        yield from _hits(header_writes(node, ctx), ctx)


def _hits(writes: Iterable[tuple[str | None, ast.AST]], ctx: FileContext) -> Iterator[Hit]:
    for header, value in writes:
        # A literal is constant (`constant` would still build its function's taint flow).
        if type(value) is ast.Constant or constant(ctx, value) or is_dead(ctx, value):
            continue
        if header is not None and header.lower() == "location" and open_redirect(ctx, value) is not None:
            continue  # AIS409 reports a Location whose host the input chooses
        seen, found = judge(ctx, value, "header")
        if seen == "source":
            yield hit(value, describe(found, "a request"), _sink(header), confidence=Confidence.HIGH)
        elif seen == "unknown":
            params = from_params(ctx, value, "header")
            if params:
                yield hit(value, describe(params, ""), _sink(header), confidence=Confidence.LOW)
