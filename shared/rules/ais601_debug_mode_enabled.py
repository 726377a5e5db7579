"""AIS601 debug-mode-enabled: a web framework's debug mode switched on in code.

## What it does
Flags a constant ``True`` that turns debug mode on:

- Flask (and Quart, Flask-SocketIO) ``app.run(debug=True)``, ``app.debug = True``
  (on an app built here, from an app factory such as ``create_app()``, or named ``app`` in a
  module that imports Flask),
  ``app.config["DEBUG"] = True``, ``app.config.update(DEBUG=True)`` /
  ``from_mapping(DEBUG=True)`` and ``{"DEBUG": True}`` passed to them;
- ``DEBUG = True`` at module level of a production settings module (Django, or a Flask
  config module): a file named ``settings.py``, ``config.py``, ``*_settings.py``,
  ``settings_*.py`` or in a ``settings/`` package that binds a well-known setting
  (``SECRET_KEY``, ``ALLOWED_HOSTS``, ...), or any module binding two or more Django-only
  settings (``INSTALLED_APPS``, ``MIDDLEWARE``, ``ROOT_URLCONF``, ``DATABASES``, ...).
  Settings named for development or tests (``dev.py``, ``local.py``, ``test_settings.py``) or
  kept in a tests folder are left alone;
- ``FastAPI(debug=True)`` and ``Starlette(debug=True)``.

The finding points at the ``True``. Under ``if __name__ == "__main__":`` the confidence is
medium (a local launch), elsewhere high.

## Why is this bad?
Flask's debugger runs arbitrary Python typed into the browser error page; Django's debug
pages list settings, environment and SQL. Either one in production hands over the server.
Assistants write ``debug=True`` because tutorials do.

## Example
```python
from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = True
```

## Use instead
```python
import os

from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
```

## Known problems
Debug set from the environment, a command-line flag or any non-constant is never flagged.
A Django settings module that matches neither the name nor the content rules is missed.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [CWE-215: Insertion of Sensitive Information Into Debugging Code](https://cwe.mitre.org/data/definitions/215.html)
- [Flask: Debug mode, "Do not enable debug mode when deploying in production"](https://flask.palletsprojects.com/en/stable/debugging/)
- [Django: settings, DEBUG](https://docs.djangoproject.com/en/stable/ref/settings/#debug)
- [OWASP Top 10 2021 A05: Security Misconfiguration](https://owasp.org/Top10/A05_2021-Security_Misconfiguration/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import settings_profile
from ..checks import Confidence, FileContext, Hit, hit, on

FLASK_APPS = frozenset({"flask.Flask", "quart.Quart", "flask_socketio.SocketIO"})
_APP_NAMES = frozenset({"app", "application", "server", "socketio"})
def _is_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _confidence(ctx: FileContext, node: ast.AST) -> Confidence:
    return Confidence.MEDIUM if ctx.in_main_guard(node) else Confidence.HIGH


def _is_app(expr: ast.AST, ctx: FileContext) -> bool:
    """A Flask-like application object: constructed here, or named like one.

    A name such as ``app`` counts when the module imports Flask or when the name comes from an
    application factory (``app = create_app()``, the usual ``run.py`` / ``wsgi.py``).
    """
    if ctx.instance_of(expr) in FLASK_APPS:
        return True
    if not (isinstance(expr, ast.Name) and expr.id in _APP_NAMES):
        return False
    if ctx.imports_any(("flask", "quart", "flask_socketio")):
        return True
    value = ctx.reaching_value(expr)
    if isinstance(value, ast.Call):
        func = value.func
        factory = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return "app" in factory.lower().split("_")
    return False


def _is_config(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Attribute) and expr.attr == "config"


ASGI_APPS = frozenset({"fastapi.FastAPI", "starlette.applications.Starlette", "starlette.Starlette"})


@on(ast.Call, callees={"run", "update", "from_mapping", "FastAPI", "Starlette"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if ctx.call_name(node) in ASGI_APPS:
        for kw in node.keywords:
            if kw.arg == "debug" and _is_true(kw.value):
                yield hit(kw.value, f"{ctx.call_name(node).rsplit('.', 1)[-1]}(debug=True)", confidence=_confidence(ctx, node))
        return
    if not isinstance(func, ast.Attribute):
        return
    if func.attr == "run" and _is_app(func.value, ctx):
        for kw in node.keywords:
            if kw.arg == "debug" and _is_true(kw.value):
                yield hit(kw.value, "run(debug=True)", confidence=_confidence(ctx, node))
    elif func.attr in ("update", "from_mapping") and _is_config(func.value):
        for kw in node.keywords:
            if kw.arg == "DEBUG" and _is_true(kw.value):
                yield hit(kw.value, f"config.{func.attr}(DEBUG=True)", confidence=_confidence(ctx, node))
        for arg in node.args:
            if isinstance(arg, ast.Dict):
                for key, value in zip(arg.keys, arg.values):
                    if isinstance(key, ast.Constant) and key.value == "DEBUG" and _is_true(value):
                        yield hit(value, f"config.{func.attr}({{'DEBUG': True}})", confidence=_confidence(ctx, node))


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if not _is_true(node.value):
        return
    for target in node.targets:
        if isinstance(target, ast.Attribute) and target.attr == "debug" and _is_app(target.value, ctx):
            yield hit(node.value, "app.debug = True", confidence=_confidence(ctx, node))
        elif (
            isinstance(target, ast.Subscript)
            and _is_config(target.value)
            and ctx.const_str(target.slice) == "DEBUG"
        ):
            yield hit(node.value, "config['DEBUG'] = True", confidence=_confidence(ctx, node))
        elif (
            isinstance(target, ast.Name)
            and target.id == "DEBUG"
            and ctx.scope_of(node) is ctx.tree
            and settings_profile(ctx) == "production"
        ):
            yield hit(node.value, "DEBUG = True in a settings module", confidence=Confidence.HIGH)
