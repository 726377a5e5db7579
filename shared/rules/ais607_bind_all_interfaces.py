"""AIS607 bind-all-interfaces: a development server listening on every network interface.

## What it does
Flags a development or debugging server started on ``0.0.0.0`` or ``::`` (every IPv4 / IPv6
interface), where anyone on the same network can reach it:

- Flask / Quart / Flask-SocketIO ``app.run(host="0.0.0.0")`` (high with ``debug=True`` or
  ``use_debugger=True`` on the same call: the debugger console is then on the network);
- Werkzeug ``run_simple("0.0.0.0", ...)`` (high with ``use_debugger=True``);
- ``wsgiref.simple_server.make_server("", 8000, app)`` and ``http.server`` servers
  (``HTTPServer(("", 8000), handler)``), where ``""`` also means every interface, and
  ``socketserver`` servers given an ``http.server`` handler;
- Django's ``runserver`` with an all-interfaces address: ``call_command("runserver",
  "0.0.0.0:8000")`` and argument lists such as ``["manage.py", "runserver", "0:8000"]``, and
  ``["flask", "run", "--host=0.0.0.0"]``.

Production servers are a different matter: ``uvicorn.run(app, host="0.0.0.0")``,
``aiohttp.web.run_app``, ``waitress.serve`` and a plain ``socket.bind(("0.0.0.0", port))`` are
what a server in a container must do, so they are reported at low confidence only (hidden by
default). ``uvicorn.run`` is medium in its development forms: ``reload=True``, or started from
``if __name__ == "__main__":`` (the way FastAPI's debugging guide runs it), and high when it
serves an app built here with ``debug=True``. Hosts read from the environment or configuration
are never reported, nor are test files.

## Why is this bad?
Development servers are built for one developer on one machine: the Werkzeug and Django
servers say so, ``http.server`` serves the working directory to whoever asks, and the
Werkzeug debugger runs Python typed into the browser. Bound to every interface, they are open
to the café Wi-Fi, the office LAN or, on a cloud host, the internet. Bandit's B104 reports
every ``"0.0.0.0"`` string; this rule reports the servers that should never face a network.

## Example
```python
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
```

## Use instead
```python
import os

from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host=os.environ.get("FLASK_RUN_HOST", "127.0.0.1"), port=5000)
```

## Known problems
Command lines in strings (``os.system("python manage.py runserver 0.0.0.0:8000")``) and
shell scripts are not read. A development server inside a container reached through a
published port must bind every interface of the container; run a production server there
(gunicorn, uvicorn) or suppress the line with a reason.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
- [Flask: Quickstart, Externally Visible Server](https://flask.palletsprojects.com/en/stable/quickstart/#debug-mode)
- [Flask: Deploying to Production, "do not use the development server"](https://flask.palletsprojects.com/en/stable/deploying/)
- [Werkzeug: run_simple](https://werkzeug.palletsprojects.com/en/stable/serving/#werkzeug.serving.run_simple)
- [Django: runserver, "DO NOT USE THIS SERVER IN A PRODUCTION SETTING"](https://docs.djangoproject.com/en/stable/ref/django-admin/#runserver)
- [Python docs: http.server security considerations](https://docs.python.org/3/library/http.server.html#http-server-security)
- [FastAPI: Debugging, uvicorn.run under __main__](https://fastapi.tiangolo.com/tutorial/debugging/)
- [Bandit B104: hardcoded_bind_all_interfaces](https://bandit.readthedocs.io/en/latest/plugins/b104_hardcoded_bind_all_interfaces.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import is_flask_app
from ..analysis.literals import string_values
from ..checks import Confidence, FileContext, Hit, hit, on

RUN_SIMPLE = frozenset({"werkzeug.serving.run_simple", "werkzeug.run_simple"})
MAKE_SERVER = frozenset({"wsgiref.simple_server.make_server"})
# http.server "is not recommended for production", https://docs.python.org/3/library/http.server.html
HTTP_SERVERS = frozenset({"http.server.HTTPServer", "http.server.ThreadingHTTPServer"})
SOCKET_SERVERS = frozenset(
    {"socketserver.TCPServer", "socketserver.ThreadingTCPServer", "socketserver.ForkingTCPServer"}
)
CALL_COMMAND = frozenset({"django.core.management.call_command"})
ASGI_APPS = frozenset({"fastapi.FastAPI", "starlette.applications.Starlette", "starlette.Starlette"})
PRODUCTION_SERVERS = frozenset({"uvicorn.run", "aiohttp.web.run_app", "hypercorn.run", "waitress.serve"})
ALL_HOSTS = frozenset({"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"})
_FIX_DEV = "bind it to 127.0.0.1 and serve production through a WSGI or ASGI server"


def _all_interfaces(text: str | None, empty: bool = False) -> bool:
    return text is not None and (text.strip() in ALL_HOSTS or (empty and text == ""))


def _addrport_all(text: str | None) -> bool:
    """Django runserver's ``addrport``: ``0.0.0.0:8000``, ``0:8000``, ``[::]:8000``, ``0.0.0.0``."""
    if text is None:
        return False
    text = text.strip()
    if text.startswith("[::]"):
        return True
    host = text.rsplit(":", 1)[0] if text.count(":") == 1 else text
    return host in ("0.0.0.0", "0")


def _arg(call: ast.Call, index: int | None, name: str) -> ast.AST | None:
    if index is not None and len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _host_hit(host: ast.AST, text: str, server: str, debugger: bool) -> Hit:
    if debugger:
        return hit(host, f"{server} with its debugger", "anyone on the network can run code through it", _FIX_DEV,
            confidence=Confidence.HIGH)
    return hit(host, server, f"host={text!r}", _FIX_DEV, confidence=Confidence.MEDIUM)


def _debug_app(node: ast.AST | None, ctx: FileContext) -> bool:
    """An ASGI app built here with ``debug=True`` (``FastAPI(debug=True)``)."""
    value = ctx.reaching_value(node) if isinstance(node, ast.Name) else None
    return (
        isinstance(value, ast.Call)
        and ctx.call_name(value) in ASGI_APPS
        and any(k.arg == "debug" and _true(k.value) for k in value.keywords)
    )


def _production_hit(node: ast.Call, host: ast.AST, name: str, ctx: FileContext) -> Hit:
    """uvicorn / aiohttp / waitress on every interface: what a container needs, unless it
    serves a debug app (high), runs in reload mode or from a ``__main__`` launcher, the way
    FastAPI's debugging guide starts it (medium)."""
    shown = f"host={ctx.const_str(host)!r}"
    if _debug_app(_arg(node, 0, "app"), ctx):
        return hit(host, f"{name} serving an app with debug=True", shown, "bind it to 127.0.0.1 and turn debug off",
            confidence=Confidence.HIGH)
    if _true(_arg(node, None, "reload")):
        return hit(host, f"{name} in reload mode", shown, _FIX_DEV, confidence=Confidence.MEDIUM)
    fix = "bind it to 127.0.0.1 unless it runs in a container behind a proxy"
    if ctx.in_main_guard(node):
        return hit(host, f"{name} started as a script", shown, fix, confidence=Confidence.MEDIUM)
    return hit(host, name, shown, fix, confidence=Confidence.LOW)


def _address_host(node: ast.AST | None, ctx: FileContext) -> ast.AST | None:
    """The host of a ``(host, port)`` address tuple when it is every interface."""
    if isinstance(node, ast.Name):
        node = ctx.reaching_value(node)
    if isinstance(node, ast.Tuple) and len(node.elts) == 2 and _all_interfaces(ctx.const_str(node.elts[0]), empty=True):
        return node.elts[0]
    return None


@on(
    ast.Call,
    callees={"run", "run_simple", "make_server", "HTTPServer", "ThreadingHTTPServer", "TCPServer", "ThreadingTCPServer",
             "ForkingTCPServer", "call_command", "run_app", "serve", "bind"},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if ctx.settings.is_test_path(ctx.filename):
        return
    name = ctx.call_name(node) or ""
    func = node.func
    if name in RUN_SIMPLE:
        host = _arg(node, 0, "hostname")
        text = ctx.const_str(host)
        if host is not None and text is not None and _all_interfaces(text):
            yield _host_hit(host, text, "Werkzeug's development server", _true(_arg(node, 4, "use_debugger")))
    elif name in MAKE_SERVER:
        host = _arg(node, 0, "host")
        if _all_interfaces(ctx.const_str(host), empty=True):
            yield hit(host, "wsgiref's development server", f"host={ctx.const_str(host)!r}", _FIX_DEV,
                confidence=Confidence.MEDIUM)
    elif name in HTTP_SERVERS or name in SOCKET_SERVERS:
        host = _address_host(_arg(node, 0, "server_address"), ctx)
        if host is not None:
            handler = _arg(node, 1, "RequestHandlerClass")
            dev = name in HTTP_SERVERS or (ctx.qualname(handler) or "").startswith("http.server.")
            yield hit(
                host, f"{name.rsplit('.', 1)[-1]} (http.server)" if dev else name.rsplit(".", 1)[-1],
                f"address ({ctx.const_str(host)!r}, port)", "bind it to 127.0.0.1",
                confidence=Confidence.MEDIUM if dev else Confidence.LOW,
            )
    elif name in CALL_COMMAND:
        yield from _runserver_args(node.args, ctx)
    elif name in PRODUCTION_SERVERS:
        host = _arg(node, None, "host")
        if _all_interfaces(ctx.const_str(host)):
            yield _production_hit(node, host, name, ctx)
    elif isinstance(func, ast.Attribute) and func.attr == "bind" and len(node.args) == 1:
        host = _address_host(node.args[0], ctx)
        if host is not None and ctx.imports_any(("socket",)):
            yield hit(host, "socket", f"address ({ctx.const_str(host)!r}, port)", "bind it to 127.0.0.1 unless the service must be reachable",
                confidence=Confidence.LOW)
    elif isinstance(func, ast.Attribute) and func.attr == "run" and is_flask_app(func.value, ctx):
        host = _arg(node, 0, "host")
        text = ctx.const_str(host)
        if host is not None and text is not None and _all_interfaces(text):
            debugger = _true(_arg(node, None, "debug")) or _true(_arg(node, None, "use_debugger"))
            yield _host_hit(host, text, "Flask's development server", debugger)


def _runserver_args(items: list[ast.expr], ctx: FileContext) -> Iterator[Hit]:
    """``"runserver", "0.0.0.0:8000"`` and ``"flask", "run", "--host=0.0.0.0"`` in arguments."""
    texts = [ctx.const_str(item) for item in items]
    for i, text in enumerate(texts):
        if text == "runserver":
            for j in range(i + 1, len(texts)):
                if _addrport_all(texts[j]):
                    yield hit(items[j], "Django's runserver", f"address {texts[j]!r}", _FIX_DEV, confidence=Confidence.MEDIUM)
                    return
        elif text == "run" and i > 0 and (texts[i - 1] or "").rsplit("/", 1)[-1] == "flask":
            for j in range(i + 1, len(texts)):
                value = texts[j]
                if value is not None and value.startswith("--host="):
                    value = value[len("--host="):]
                elif texts[j - 1] not in ("--host", "-h"):
                    continue
                if _all_interfaces(value):
                    yield hit(items[j], "flask run", f"host {value!r}", _FIX_DEV, confidence=Confidence.MEDIUM)
                    return


_COMMAND_WORDS = frozenset({"runserver", "run"})


def _names_a_server_command(ctx: FileContext) -> bool:
    """The gate of `check_list`: outside test files, a str or bytes literal ``"runserver"``
    or ``"run"``, the item `_runserver_args` reports after (read with
    `FileContext.const_str`: a literal of the file, directly or through a name)."""
    return not _COMMAND_WORDS.isdisjoint(string_values(ctx)) and not ctx.settings.is_test_path(ctx.filename)


@on(ast.List, when=_names_a_server_command)
def check_list(node: ast.List, ctx: FileContext) -> Iterator[Hit]:
    """Command lines built as lists (for subprocess or execute_from_command_line)."""
    if len(node.elts) >= 2:
        yield from _runserver_args(node.elts, ctx)
