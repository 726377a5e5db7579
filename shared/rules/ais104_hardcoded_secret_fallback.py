"""AIS104 hardcoded-secret-fallback: a secret read from the environment falls back to a literal.

## What it does
Flags the literal default of a secret-like setting read from the environment or a config
source:

- ``os.environ.get("API_KEY", "...")``, ``os.getenv("X_SECRET", "...")``,
  ``os.environ.setdefault(...)``, ``os.environ.pop(...)`` (also ``from os import environ,
  getenv``), and ``os.getenv("SECRET_KEY") or "..."``;
- django-environ ``env("SECRET_KEY", default="...")``, ``env.str("SECRET_KEY", "...")`` and
  the scheme form ``environ.Env(SECRET_KEY=(str, "..."))``; environs ``env.str(...)``;
  python-decouple ``config("SECRET_KEY", default="...")``; Starlette
  ``Config(...)("SECRET_KEY", default="...")``; ``app.config.get("SECRET_KEY", "...")`` and
  ``getattr(settings, "SECRET_KEY", "...")``;
- pydantic ``BaseSettings`` (pydantic v1, pydantic-settings) fields with a secret-like name
  and a literal default: ``api_key: str = "..."``, ``Field(default="...")``,
  ``SecretStr("...")``.

The variable or field name decides what is a secret (``words.secret_name_kind``, with
``aisec-secret-names`` and ``aisec-ignore-names``). A default given through a name bound to
a literal in the same file is reported at that literal. The rule wins over AIS101 on the
same literal.

Signing keys are judged by a stricter measure than credentials. For a name meaning a signing
key (``SECRET_KEY``, ``JWT_SECRET``, ``SESSION_SECRET``, ``SIGNING_KEY``, ``*_HMAC_KEY``)
every literal fallback is reported, including ``"changeme"``, ``"dev"``, ``"secret"`` and
``"insecure-..."``: whoever reads the code can forge sessions and tokens of any deployment
where the variable is missing. For credentials (passwords, tokens, API keys) a placeholder
fallback (``"changeme"``, ``"your-api-key"``) only makes the call fail and is not reported;
a real-looking one is.

## Why is this bad?
The fallback hides a missing configuration: the application starts, and in production runs
with a key published in the repository. Code assistants write
``os.getenv("SECRET_KEY", "dev-secret")`` so that the example runs out of the box.

## Example
```python
import os

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-change-me")
```

## Use instead
```python
import os

SECRET_KEY = os.environ["SECRET_KEY"]
```

## Known problems
Defaults that are empty, ``None``, not strings, or template syntax (``"<secret>"``,
``"${SECRET_KEY}"``) are not reported. A fallback that only runs in debug or development
mode (under ``if DEBUG:``, ``if app.debug:``, ``if ENV == "development":``, or the matching
arm of ``x if DEBUG else y``) is low confidence (hidden by default) for signing keys and at
most medium for credentials; every fallback in a development or test settings module
(``settings/dev.py``, ``test_settings.py``) is low confidence. Fallbacks through ``try``/``except KeyError``
or ``if "X" in os.environ`` are not followed (AIS101 still reports a literal bound to a
secret-like name). Only names known in the file are judged: ``os.getenv(name, "...")`` with
``name`` a parameter is not reported. In test files (``aisec-test-paths``) findings follow
``aisec-secrets-in-tests``: low confidence by default, hidden unless
``aisec-min-confidence = low``.

## Options
``aisec-secret-names`` and ``aisec-ignore-names`` decide which names are secret-like;
``aisec-test-paths`` and ``aisec-secrets-in-tests`` (``report``, ``low``, ``skip``) decide
what happens in test files.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-1188: Initialization of a Resource with an Insecure Default](https://cwe.mitre.org/data/definitions/1188.html)
- [Django: deployment checklist, SECRET_KEY](https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key)
- [django-environ: API, Env](https://django-environ.readthedocs.io/en/latest/api.html)
- [python-decouple: usage](https://github.com/HBNetwork/python-decouple#usage)
- [pydantic-settings: Settings management](https://docs.pydantic.dev/latest/concepts/pydantic_settings/)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
from typing import Iterator, NamedTuple

from ..analysis.frameworks import secrets_in_tests, settings_profile
from ..analysis.literals import (
    dev_test,
    in_dev_branch,
    is_credential_placeholder,
    is_template,
    literal_node,
    secret_kind,
    strength,
)
from ..analysis.signing import call_arg, is_signing_name
from ..analysis.words import mask
from ..checks import Confidence, FileContext, Hit, callee_key, hit, on

# Readers: where the default sits. (positional index of the default, keyword name)
# os: Python docs, "os.getenv(key, default=None)"; os.environ is a Mapping (get, setdefault, pop).
_OS_READERS = {
    "os.getenv": (1, "default"),
    "os.environ.get": (1, "default"),
    "os.environ.setdefault": (1, "default"),
    "os.environ.pop": (1, "default"),
    "os.environb.get": (1, "default"),
    "decouple.config": (1, "default"),  # python-decouple: config(option, default=..., cast=...)
}
# django-environ: Env.__call__(var, cast=None, default=NOTSET); Env.str(var, default=NOTSET);
# Env.get_value(var, cast=None, default=NOTSET).
_DJANGO_ENV = frozenset({"environ.Env", "environ.FileAwareEnv", "environ.environ.Env"})
_DJANGO_ENV_METHODS = {"str": 1, "bytes": 1, "get_value": 2}
# environs: Env.__call__(name, default) and Env.str(name, default).
_ENVIRONS = frozenset({"environs.Env"})
# python-decouple: AutoConfig()(option, default=...) and Config(repository)(option, default=...).
_DECOUPLE = frozenset({"decouple.AutoConfig", "decouple.Config"})
# Starlette: Config.__call__(key, cast=None, default=undefined).
_STARLETTE = frozenset({"starlette.config.Config"})
_CONFIG_RECEIVERS = frozenset({"settings", "config", "conf", "cfg", "configuration"})


class _Reader(NamedTuple):
    name: ast.AST | None
    default: ast.AST | None




def _reader(node: ast.Call, ctx: FileContext) -> _Reader | None:
    """The variable-name and default arguments of an environment or config read."""
    qn = ctx.call_name(node)
    func = node.func
    if qn in _OS_READERS:
        index, keyword = _OS_READERS[qn]
        return _Reader(call_arg(node, 0, "key"), call_arg(node, index, keyword))
    if qn == "builtins.getattr" and len(node.args) >= 2:
        receiver = node.args[0]
        tail = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
        if ctx.qualname(receiver) == "django.conf.settings" or tail.lower() in _CONFIG_RECEIVERS:
            return _Reader(node.args[1], node.args[2] if len(node.args) > 2 else None)
        return None
    if isinstance(func, ast.Attribute):
        if func.attr == "get" and isinstance(func.value, ast.Attribute) and func.value.attr == "config":
            return _Reader(call_arg(node, 0, None), call_arg(node, 1, "default"))  # app.config.get(...)
        if func.attr not in _DJANGO_ENV_METHODS:
            return None
        owner = ctx.instance_of(func.value)
        if owner in _DJANGO_ENV:
            return _Reader(call_arg(node, 0, "var"), call_arg(node, _DJANGO_ENV_METHODS[func.attr], "default"))
        if owner in _ENVIRONS and func.attr == "str":
            return _Reader(call_arg(node, 0, "name"), call_arg(node, 1, "default"))
        return None
    if isinstance(func, ast.Name):
        owner = ctx.instance_of(func)
        if owner in _DJANGO_ENV:
            return _Reader(call_arg(node, 0, "var"), call_arg(node, 2, "default"))
        if owner in _ENVIRONS or owner in _DECOUPLE:
            return _Reader(call_arg(node, 0, None), call_arg(node, 1, "default"))
        if owner in _STARLETTE:
            return _Reader(call_arg(node, 0, "key"), call_arg(node, 2, "default"))
    return None




def _candidates(expr: ast.AST | None, ctx: FileContext, guarded: bool = False) -> Iterator[tuple[ast.Constant, bool]]:
    """The literal(s) a default may be, with whether a debug-only condition guards them."""
    if expr is None:
        return
    if isinstance(expr, ast.IfExp):
        verdict = dev_test(expr.test, ctx)
        yield from _candidates(expr.body, ctx, guarded or verdict is True)
        yield from _candidates(expr.orelse, ctx, guarded or verdict is False)
        return
    lit = literal_node(ctx, expr)
    if lit is not None:
        yield lit, guarded


def fallback_hits(name: str | None, default: ast.AST | None, at: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    """Hits for the literal fallback(s) `default` of the secret-like setting `name`."""
    kind = secret_kind(name, ctx)
    if kind is None or name is None:
        return
    signing = is_signing_name(name, kind)
    dev_module = settings_profile(ctx) == "development"
    branch = in_dev_branch(at, ctx)
    for lit, guarded in _candidates(default, ctx):
        value = lit.value.decode("latin-1") if isinstance(lit.value, bytes) else str(lit.value)
        if signing:
            if is_template(value):
                continue
            conf = Confidence.HIGH
            if guarded or branch or dev_module:
                conf = Confidence.LOW
        else:
            if is_credential_placeholder(value):
                continue
            conf = strength(value)
            if dev_module:
                conf = Confidence.LOW
            elif guarded or branch:
                conf = Confidence.MEDIUM
        final = secrets_in_tests(ctx, conf)
        if final is not None:
            yield hit(lit, mask(value), name, confidence=final)


# Callee names (see `checks.on`) of the reads `_reader` knows and of ``environ.Env(...)``.
_CALLEES = frozenset(
    {qn.rsplit(".", 1)[-1] for qn in (*_OS_READERS, *_DJANGO_ENV)} | {"getattr", "get"} | set(_DJANGO_ENV_METHODS)
)
# Mapping methods that `_reader` accepts only as `_OS_READERS` (or ``app.config.get``).
_MAPPING_METHODS = frozenset({"get", "pop", "setdefault"})
# Libraries whose config objects are called (``env("KEY", default=...)``).
_CONFIG_LIBRARIES = ("environ", "environs", "decouple", "starlette")


@on(ast.Call, callees=_CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Name) and func.id not in ("getenv", "getattr", "config") and not ctx.imports_any(
        ("environ", "environs", "decouple", "starlette")
    ):
        return
    if (
        isinstance(func, ast.Attribute)
        and func.attr in _MAPPING_METHODS
        and not (func.attr == "get" and isinstance(func.value, ast.Attribute) and func.value.attr == "config")
        and ctx.call_name(node) not in _OS_READERS
    ):
        return  # ``x.get(...)``, ``x.pop(...)``: `_reader` accepts only these, and no `_DJANGO_ENV` ends so
    reader = _reader(node, ctx)
    if reader is not None and reader.default is not None:
        yield from fallback_hits(ctx.const_str(reader.name), reader.default, node, ctx)
        return
    owner = ctx.call_name(node)
    if owner in _DJANGO_ENV:
        # environ.Env(SECRET_KEY=(str, "default")): the scheme's default.
        for kw in node.keywords:
            if kw.arg and isinstance(kw.value, ast.Tuple) and len(kw.value.elts) == 2:
                yield from fallback_hits(kw.arg, kw.value.elts[1], node, ctx)


@on(ast.Module)
def check_config_objects(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Calls of a config object, whatever variable holds it (``env = environ.Env()`` then
    ``env("SECRET_KEY", default="...")``): no callee name lists them, so they are found here,
    once per file that imports one of `_CONFIG_LIBRARIES`, and judged by `check_call`."""
    if not ctx.imports_any(_CONFIG_LIBRARIES):
        return
    for node in ctx.nodes_of(ast.Call):
        if isinstance(node.func, ast.Name) and callee_key(node, ctx) not in _CALLEES:  # type: ignore[arg-type]
            yield from check_call(node, ctx)  # type: ignore[arg-type]


# Method names of the calls `_reader` can accept when the callee is an attribute (the last
# part of a qualified name of an attribute is the attribute).
_READER_ATTRS = frozenset(
    {qn.rsplit(".", 1)[-1] for qn in _OS_READERS} | {"getattr", "get"} | set(_DJANGO_ENV_METHODS)
)


@on(ast.BoolOp)
def check_or(node: ast.BoolOp, ctx: FileContext) -> Iterator[Hit]:
    """``os.getenv("SECRET_KEY") or "fallback"``."""
    if not isinstance(node.op, ast.Or) or not isinstance(node.values[0], ast.Call):
        return
    first = node.values[0]
    if isinstance(first.func, ast.Attribute) and first.func.attr not in _READER_ATTRS:
        return
    reader = _reader(first, ctx)
    if reader is None:
        return
    name = ctx.const_str(reader.name)
    for later in node.values[1:]:
        yield from fallback_hits(name, later, node, ctx)


_SETTINGS_BASES = ("BaseSettings",)
_SECRET_WRAPPERS = frozenset({"SecretStr", "SecretBytes"})


def _is_settings_class(cls: ast.ClassDef, ctx: FileContext, depth: int = 0) -> bool:
    """A pydantic ``BaseSettings`` subclass, directly or through classes of this file."""
    if depth > 5:
        return False
    for base in cls.bases:
        qn = ctx.qualname(base)
        if qn and qn.rsplit(".", 1)[-1] in _SETTINGS_BASES and qn.split(".")[0] in _PYDANTIC:
            return True
        if isinstance(base, ast.Name):
            for b in ctx.bindings_of(base):
                if isinstance(b.target, ast.ClassDef) and b.target is not cls and _is_settings_class(b.target, ctx, depth + 1):
                    return True
    return False


def _field_default(value: ast.AST, ctx: FileContext, depth: int = 0) -> ast.AST | None:
    """The default of a field: the value itself, ``Field(default)`` or ``SecretStr(literal)``."""
    if depth > 3 or not isinstance(value, ast.Call):
        return value
    qn = ctx.call_name(value) or ""
    tail = qn.rsplit(".", 1)[-1] if qn else getattr(value.func, "id", "")
    if tail == "Field":
        inner = call_arg(value, 0, "default")
        return None if inner is None else _field_default(inner, ctx, depth + 1)
    if tail in _SECRET_WRAPPERS:
        return call_arg(value, 0, "secret_value")
    return None


_PYDANTIC = ("pydantic", "pydantic_settings")


def _imports_pydantic(ctx: FileContext) -> bool:
    """The gate of `check_settings_class`: `_is_settings_class` needs a base that resolves
    through an import of pydantic (`FileContext.qualname`)."""
    return ctx.imports_any(_PYDANTIC)


@on(ast.ClassDef, when=_imports_pydantic)
def check_settings_class(node: ast.ClassDef, ctx: FileContext) -> Iterator[Hit]:
    if not node.bases or not _is_settings_class(node, ctx):
        return
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            yield from fallback_hits(stmt.target.id, _field_default(stmt.value, ctx), stmt, ctx)
