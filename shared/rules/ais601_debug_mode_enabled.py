"""AIS601 debug-mode-enabled: a web framework's debug mode switched on in code.

## What it does
Flags a constant ``True`` that turns debug mode on:

- Flask (and Quart, Flask-SocketIO) ``app.run(debug=True)`` / ``app.run(use_debugger=True)``,
  ``app.debug = True`` (on an app built here, from an app factory such as ``create_app()``,
  or named ``app`` in a module that imports Flask), ``app.config["DEBUG"] = True``,
  ``app.config.update(DEBUG=True)`` / ``from_mapping(DEBUG=True)`` and ``{"DEBUG": True}``
  passed to them;
- ``DEBUG = True`` in a Flask config class (``class Config: DEBUG = True``, the object
  ``app.config.from_object`` loads): a class named for configuration or production, or one
  this module passes to ``from_object``. A base class whose subclass turns debug off again
  (``class ProductionConfig(Config): DEBUG = False``) is a development default, not a finding;
- ``DEBUG = True`` at module level of a production settings module (Django, or a Flask
  config module): a file named ``settings.py``, ``config.py``, ``*_settings.py``,
  ``settings_*.py`` or in a ``settings/`` package that binds a well-known setting
  (``SECRET_KEY``, ``ALLOWED_HOSTS``, ...), or any module binding two or more Django-only
  settings (``INSTALLED_APPS``, ``MIDDLEWARE``, ``ROOT_URLCONF``, ``DATABASES``, ...);
- ``django.conf.settings.configure(DEBUG=True)`` (a single-file Django app);
- ``FastAPI(debug=True)`` and ``Starlette(debug=True)``;
- Werkzeug's debugger: ``run_simple(..., use_debugger=True)`` (its ``use_evalex`` console is
  on by default) and ``DebuggedApplication(app, evalex=True)``; ``DebuggedApplication(app)``
  without the console still serves tracebacks with source code (medium confidence).

Not reported: debug read from the environment or any non-constant
(``debug=os.environ.get("FLASK_DEBUG") == "1"``, ``DEBUG = env.bool("DEBUG", False)``), code
under an ``if`` that tests a debug, development or test flag or the environment
(``if app.debug:``, ``if os.environ.get("DEV"):``), config classes named for development or
tests (``DevelopmentConfig``, ``TestingConfig``), settings modules named for development or
tests (``settings/dev.py``, ``local.py``) and test files. A runner script named for development
(``run_dev.py``) is still reported: it ships the debugger with the code.

The finding points at the ``True`` (or the ``DebuggedApplication`` call). Under
``if __name__ == "__main__":`` the confidence is medium (a local launch), elsewhere high.

## Why is this bad?
Flask's and Werkzeug's debugger runs arbitrary Python typed into the browser error page;
Django's and Starlette's debug pages list settings, environment, source and SQL. Either one in
production hands over the server. Assistants write ``debug=True`` because tutorials do.

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
Debug set from the environment, a command-line flag or any non-constant is never flagged,
even when the environment's default turns it on (``os.getenv("DEBUG", "1")``). A Django
settings module that matches neither the name nor the content rules is missed, and so is a
config class with a name that says neither configuration nor production and that this module
does not load.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [CWE-215: Insertion of Sensitive Information Into Debugging Code](https://cwe.mitre.org/data/definitions/215.html)
- [Flask: Debug mode, "Do not enable debug mode when deploying in production"](https://flask.palletsprojects.com/en/stable/debugging/)
- [Flask: Configuration, development / production config classes](https://flask.palletsprojects.com/en/stable/config/#development-production)
- [Werkzeug: Debugging Applications, "must never be used on production machines"](https://werkzeug.palletsprojects.com/en/stable/debug/)
- [Django: settings, DEBUG](https://docs.djangoproject.com/en/stable/ref/settings/#debug)
- [Starlette: Applications, debug](https://www.starlette.io/applications/)
- [OWASP Top 10 2021 A05: Security Misconfiguration](https://owasp.org/Top10/A05_2021-Security_Misconfiguration/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import is_flask_app, settings_profile
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

ASGI_APPS = frozenset({"fastapi.FastAPI", "starlette.applications.Starlette", "starlette.Starlette"})
# https://werkzeug.palletsprojects.com/en/stable/serving/#werkzeug.serving.run_simple
# run_simple(hostname, port, application, use_reloader=False, use_debugger=False, use_evalex=True, ...)
RUN_SIMPLE = frozenset({"werkzeug.serving.run_simple", "werkzeug.run_simple"})
# https://werkzeug.palletsprojects.com/en/stable/debug/#werkzeug.debug.DebuggedApplication
# DebuggedApplication(app, evalex=False, ...): evalex turns on the in-browser console.
DEBUGGED_APP = frozenset({"werkzeug.debug.DebuggedApplication", "werkzeug.DebuggedApplication"})
# https://docs.djangoproject.com/en/stable/topics/settings/#using-settings-without-setting-django-settings-module
DJANGO_CONFIGURE = "django.conf.settings.configure"
_ENV_READS = frozenset({"os.getenv", "os.environ.get", "os.environ.__getitem__"})
# Words of a flag or setting that says development or tests (if app.debug:, if TESTING:).
_DEV_WORDS = frozenset({"debug", "dev", "devel", "development", "local", "test", "tests", "testing", "ci"})
# Config classes for development and tests (class DevelopmentConfig, TestingConfig).
_DEV_CLASS = lazy_compile(r"(?:^|[a-z_])(?:Dev|Devel|Development|Local|Test|Tests|Testing|CI|Debug)(?:[A-Z_]|$)")
_CONFIG_CLASS_WORDS = frozenset({"config", "configuration", "settings", "conf", "production", "prod"})
_PROD_WORDS = frozenset({"production", "prod"})


def _is_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _confidence(ctx: FileContext, node: ast.AST) -> Confidence:
    return Confidence.MEDIUM if ctx.in_main_guard(node) else Confidence.HIGH


def _dev_file(ctx: FileContext) -> bool:
    """A development or test module: a dev settings module or a test file. (A runner script
    named for development still ships the debugger: it is reported, at medium confidence
    under ``if __name__ == "__main__":``.)"""
    return settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename)


def _gate_test(test: ast.AST, ctx: FileContext) -> bool:
    """``if app.debug:``, ``if settings.DEBUG:``, ``if os.environ.get("DEV"):`` (not negated)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return False
    for sub in ast.walk(test):
        if isinstance(sub, ast.Call) and ctx.call_name(sub) in _ENV_READS:
            return True
        if isinstance(sub, ast.Subscript) and ctx.qualname(sub.value) == "os.environ":
            return True
        name = sub.attr if isinstance(sub, ast.Attribute) else sub.id if isinstance(sub, ast.Name) else None
        if name is None and isinstance(sub, ast.Constant) and isinstance(sub.value, str) and len(sub.value) < 40:
            name = sub.value
        if name and set(split_words(name)) & _DEV_WORDS:
            return True
    return False


def _exempt(ctx: FileContext, node: ast.AST) -> bool:
    """Development configuration: a dev or test file, a dev config class, or a branch taken
    only when a debug, development or test flag (or the environment) says so."""
    if _dev_file(ctx):
        return True
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.ClassDef) and _DEV_CLASS.search(anc.name):
            return True
        if isinstance(anc, (ast.If, ast.IfExp)) and child is not anc.test and _in_body(anc, child) and _gate_test(anc.test, ctx):
            return True
        child = anc
    return False


def _in_body(branch: ast.If | ast.IfExp, child: ast.AST) -> bool:
    if isinstance(branch, ast.IfExp):
        return child is branch.body
    return any(child is s for s in branch.body)


def _is_config(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Attribute) and expr.attr == "config"


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _werkzeug(node: ast.Call, name: str, ctx: FileContext) -> Iterator[Hit]:
    if name in RUN_SIMPLE:
        value = _arg(node, 4, "use_debugger")
        if _is_true(value):
            yield hit(value, "run_simple(use_debugger=True)", confidence=_confidence(ctx, node))
        return
    evalex = _arg(node, 1, "evalex")
    if _is_true(evalex):
        yield hit(evalex, "DebuggedApplication(evalex=True)", confidence=_confidence(ctx, node))
    elif evalex is None or (isinstance(evalex, ast.Constant) and not evalex.value):
        # No console, but every error page shows the traceback with source lines.
        yield hit(node.func, "DebuggedApplication()", confidence=Confidence.MEDIUM)


@on(ast.Call, callees={"run", "update", "from_mapping", "configure", "FastAPI", "Starlette", "run_simple", "DebuggedApplication"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = ctx.call_name(node) or ""
    if name == DJANGO_CONFIGURE:
        for kw in node.keywords:
            if kw.arg == "DEBUG" and _is_true(kw.value) and not _exempt(ctx, node):
                yield hit(kw.value, "settings.configure(DEBUG=True)", confidence=_confidence(ctx, node))
        return
    if name in ASGI_APPS or name in RUN_SIMPLE or name in DEBUGGED_APP:
        if _exempt(ctx, node):
            return
        if name in ASGI_APPS:
            for kw in node.keywords:
                if kw.arg == "debug" and _is_true(kw.value):
                    yield hit(kw.value, f"{name.rsplit('.', 1)[-1]}(debug=True)", confidence=_confidence(ctx, node))
        else:
            yield from _werkzeug(node, name, ctx)
        return
    if not isinstance(func, ast.Attribute):
        return
    if func.attr == "run" and is_flask_app(func.value, ctx):
        for kw in node.keywords:
            if kw.arg in ("debug", "use_debugger") and _is_true(kw.value) and not _exempt(ctx, node):
                yield hit(kw.value, f"run({kw.arg}=True)", confidence=_confidence(ctx, node))
    elif func.attr in ("update", "from_mapping") and _is_config(func.value):
        for kw in node.keywords:
            if kw.arg == "DEBUG" and _is_true(kw.value) and not _exempt(ctx, node):
                yield hit(kw.value, f"config.{func.attr}(DEBUG=True)", confidence=_confidence(ctx, node))
        for arg in node.args:
            if isinstance(arg, ast.Dict):
                for key, value in zip(arg.keys, arg.values):
                    if isinstance(key, ast.Constant) and key.value == "DEBUG" and _is_true(value) and not _exempt(ctx, node):
                        yield hit(value, f"config.{func.attr}({{'DEBUG': True}})", confidence=_confidence(ctx, node))


def _loaded_classes(ctx: FileContext) -> frozenset[str]:
    """Names of classes this module passes to ``config.from_object`` (a class or a dotted
    string ending in the class name). Memoised."""
    found = ctx.__dict__.get("_ais601_loaded")
    if found is None:
        names = set()
        for node in ctx.nodes:
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "from_object"
                and node.args
            ):
                arg = node.args[0]
                text = ctx.const_str(arg)
                if text is not None:
                    names.add(text.rsplit(".", 1)[-1])
                elif isinstance(arg, (ast.Name, ast.Attribute)):
                    names.add(arg.id if isinstance(arg, ast.Name) else arg.attr)
        found = ctx.__dict__["_ais601_loaded"] = frozenset(names)
    return found


def _debug_off_in_subclass(cls: ast.ClassDef, ctx: FileContext) -> bool:
    """A class of this module derives from `cls` and sets ``DEBUG`` to something other than
    True: the base's True is a development default."""
    for node in ctx.nodes:
        if not isinstance(node, ast.ClassDef) or node is cls:
            continue
        if not any(isinstance(b, ast.Name) and b.id == cls.name for b in node.bases):
            continue
        for stmt in node.body:
            if (
                isinstance(stmt, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "DEBUG" for t in stmt.targets)
                and not _is_true(stmt.value)
            ):
                return True
    return False


def _config_class_hit(node: ast.Assign, cls: ast.ClassDef, ctx: FileContext) -> Iterator[Hit]:
    words = set(split_words(cls.name))
    loaded = cls.name in _loaded_classes(ctx)
    if not (loaded or words & _CONFIG_CLASS_WORDS) or _exempt(ctx, node):
        return
    if _debug_off_in_subclass(cls, ctx):
        return
    confidence = Confidence.HIGH if loaded or words & _PROD_WORDS else Confidence.MEDIUM
    yield hit(node.value, f"DEBUG = True in config class {cls.name}", confidence=confidence)


@on(ast.Assign, names={"debug", "DEBUG"})
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if not _is_true(node.value):
        return
    for target in node.targets:
        if isinstance(target, ast.Attribute) and target.attr == "debug" and is_flask_app(target.value, ctx):
            if not _exempt(ctx, node):
                yield hit(node.value, "app.debug = True", confidence=_confidence(ctx, node))
        elif (
            isinstance(target, ast.Subscript)
            and _is_config(target.value)
            and ctx.const_str(target.slice) == "DEBUG"
        ):
            if not _exempt(ctx, node):
                yield hit(node.value, "config['DEBUG'] = True", confidence=_confidence(ctx, node))
        elif isinstance(target, ast.Name) and target.id == "DEBUG":
            scope = ctx.scope_of(node)
            if scope is ctx.tree:
                if settings_profile(ctx) == "production" and not _exempt(ctx, node):
                    yield hit(node.value, "DEBUG = True in a settings module", confidence=Confidence.HIGH)
            elif isinstance(scope, ast.ClassDef):
                yield from _config_class_hit(node, scope, ctx)
