"""Framework knowledge shared by several rules: settings modules and their profile.

A *settings module* is a Django or Flask configuration module. Its *profile* says whether
it configures production (the default) or development and tests, where debug mode, plain
HTTP cookies and throwaway keys are expected.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..findings import Confidence
from ..options import relative_path
from .patterns import lazy_compile

if TYPE_CHECKING:
    from .context import FileContext

__all__ = ["settings_profile", "helper_module", "cli_command", "SETTINGS_MARKERS", "DJANGO_MARKERS", "FLASK_APPS", "APP_NAMES", "SESSION_QUALNAMES", "is_flask_app"]

# Names only Django settings modules define (https://docs.djangoproject.com/en/stable/ref/settings/).
DJANGO_MARKERS = frozenset(
    {"INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "DATABASES", "ALLOWED_HOSTS", "WSGI_APPLICATION", "TEMPLATES"}
)
# Names any web settings module may define (Django, Flask config objects and modules).
SETTINGS_MARKERS = DJANGO_MARKERS | frozenset(
    {
        "SECRET_KEY", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE",
        "SQLALCHEMY_DATABASE_URI", "STATIC_URL", "STATIC_ROOT", "MEDIA_URL", "SESSION_TYPE",
        "PERMANENT_SESSION_LIFETIME", "LANGUAGE_CODE", "AUTH_PASSWORD_VALIDATORS",
    }
)
_SETTINGS_NAME = lazy_compile(r"(?:^|[/\\])(?:settings|config|[\w-]*_settings|settings_[\w-]*)\.py$|[/\\](?:settings|config)[/\\][\w-]+\.py$")
_DEV_WORD = lazy_compile(r"(?:^|[_.-])(?:dev|devel|development|local|test|tests|testing|ci|example|sample|build)(?:[_.-]|$)")
_TEST_DIR = lazy_compile(r"(?:^|[/\\])(?:tests?|testing|testutils|test_[\w-]*|[\w-]*_tests?|fixtures|examples?_dev)[/\\]")


def settings_profile(ctx: "FileContext") -> str | None:
    """``"production"``, ``"development"`` or None (not a settings module).

    A module is a settings module when its name says so (``settings.py``, ``config.py``,
    ``*_settings.py``, ``settings_*.py``, a module in a ``settings/`` package) and it binds
    at least one well-known setting, or when it binds two or more Django-only settings. It is
    a development profile when its file name has a development, test or build word (``dev.py``,
    ``local.py``, ``test_settings.py``, ``_build_settings.py``) or it sits in a tests folder
    (``tests/``, ``testutils/``). A framework's own table of
    defaults (Django's ``django/conf/global_settings.py``, which every project overrides) is not
    a deployment's configuration and reads as development too. Memoised per file.
    """
    cached = ctx.__dict__.get("_settings_profile", "")
    if cached != "":
        return cached
    # Relative to the current directory, as `Settings.is_test_path` reads it: the folders
    # above the project (a checkout under ~/tests/) say nothing about the module.
    path = relative_path(ctx.filename).replace("\\", "/")
    stem = path.rsplit("/", 1)[-1][:-3] if path.endswith(".py") else path.rsplit("/", 1)[-1]
    names = set(ctx.bindings.get(ctx.tree, {}))
    named = bool(_SETTINGS_NAME.search(path)) and bool(names & SETTINGS_MARKERS)
    result: str | None = None
    if named or len(names & DJANGO_MARKERS) >= 2:
        dev = (
            bool(_DEV_WORD.search(stem.lower()))
            or bool(_TEST_DIR.search(path.lower()))
            or path.lower().endswith("django/conf/global_settings.py")
        )
        result = "development" if dev else "production"
    ctx.__dict__["_settings_profile"] = result
    return result


# Modules that hold a Django project's helpers, not its views, by name: the file's stem or
# the folder that holds it (``utils/sendfile.py``, ``shortcuts.py``, ``auth_backends.py``;
# folders further up, such as a full-stack project's ``backend/``, say nothing). Django's own
# layout (https://docs.djangoproject.com/en/stable/intro/reusable-apps/) keeps views in
# ``views.py`` and puts models, forms, serializers, middleware, signals, template tags and
# backends in modules of their own, which the URL router never calls.
_HELPER_MODULE = lazy_compile(
    r"(?:^|[/_])(?:utils?|helpers?|shortcuts|backends|compat|decorators|middlewares?|signals|models|forms|"
    r"serializers|templatetags|tasks|context_processors|storages?|mixins|validators|managers)(?:[/.]|$)"
)
_VIEWS_NAME = lazy_compile(r"(?:^|[/_])views?(?:[/._]|$)")


def helper_module(ctx: "FileContext") -> bool:
    """Whether the file's path names a helper module (`_HELPER_MODULE`) and not a views
    module: a function there that takes ``request`` first is a helper the views call, not a
    view the URL router calls. Only the file's name and its folder's count, read relative to
    the current directory as `settings_profile` reads the path. Memoised per file."""
    cached = ctx.__dict__.get("_helper_module")
    if cached is None:
        path = "/".join(relative_path(ctx.filename).replace("\\", "/").lower().rsplit("/", 2)[-2:])
        cached = ctx.__dict__["_helper_module"] = bool(_HELPER_MODULE.search(path)) and not _VIEWS_NAME.search(path)
    return cached


def secrets_in_tests(ctx: "FileContext", confidence: Confidence) -> Confidence | None:
    """The confidence of a secret finding that rests on a name, a keyword or a string's
    shape (AIS101, AIS103, AIS104, AIS105, AIS106's name-only findings) after
    ``aisec-secrets-in-tests``: unchanged outside test files (``aisec-test-paths``) and with
    ``report``; `Confidence.LOW` with ``low`` (the default); None (drop the finding) with
    ``skip``. Test files are full of fake keys, passwords and ``Bearer testtoken`` headers;
    a real credential format (AIS102) is reported everywhere, whatever this option says."""
    settings = ctx.settings
    if not settings.is_test_path(ctx.filename):
        return confidence
    mode = settings.secrets_in_tests
    if mode == "skip":
        return None
    return Confidence.LOW if mode == "low" else confidence


# Flask-like application classes (Flask, Quart, Flask-SocketIO's server) and the names
# application objects usually get in run scripts and factories.
FLASK_APPS = frozenset({"flask.Flask", "quart.Quart", "flask_socketio.SocketIO"})
APP_NAMES = frozenset({"app", "application", "server", "socketio"})
# The session objects a module imports: Flask https://flask.palletsprojects.com/en/stable/api/#flask.session
# and Quart's equivalent. Django https://docs.djangoproject.com/en/stable/topics/http/sessions/
# and Starlette https://www.starlette.io/middleware/#sessionmiddleware hang it on the request.
SESSION_QUALNAMES = frozenset({"flask.session", "quart.session", "flask.globals.session"})

# The names every framework's convention gives the request object (Django, DRF, Flask's views
# that take one, Starlette, FastAPI, aiohttp, Express-style ``req``): a parameter or local so
# named is the request, also in the helpers views pass it to.
REQUEST_NAMES = frozenset({"request", "req"})


def is_flask_app(expr: ast.AST, ctx: "FileContext") -> bool:
    """A Flask-like application object: constructed here, or named like one.

    A name such as ``app`` counts when the module imports Flask or when the name comes from an
    application factory (``app = create_app()``, the usual ``run.py`` / ``wsgi.py``).
    """
    if ctx.instance_of(expr) in FLASK_APPS:
        return True
    if not (isinstance(expr, ast.Name) and expr.id in APP_NAMES):
        return False
    if ctx.imports_any(("flask", "quart", "flask_socketio")):
        return True
    value = ctx.reaching_value(expr)
    if isinstance(value, ast.Call):
        func = value.func
        factory = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return "app" in factory.lower().split("_")
    return False


# Command-line entry points: a click, typer or cyclopts command (``@click.command()``,
# ``@app.command()``, ``@app.command(name="login")``), the method that runs a traitlets
# ``Application`` (``start``) or a Django management command (``BaseCommand.handle``).
_CLI_RUNNERS = {"start": ("Application", "App"), "handle": ("BaseCommand",)}


def cli_command(ctx: "FileContext", node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The command-line entry point that holds `node`, or None: the function around it,
    decorated with ``command`` called or not (click, typer and cyclopts name their decorator
    so), or a `_CLI_RUNNERS` method of a class on one of its bases. Its parameters are the
    arguments of the user who runs the command. Knowledge: the click, typer, cyclopts,
    traitlets and Django management command APIs."""
    func = ctx.enclosing_function(node)
    if func is None:
        return None
    for dec in func.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        if (target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")) == "command":
            return func
    bases = _CLI_RUNNERS.get(func.name)
    cls = ctx.parent(func)
    if bases and isinstance(cls, ast.ClassDef):
        for base in cls.bases:
            name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
            if name.endswith(bases):
                return func
    return None
