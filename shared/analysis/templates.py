"""Template engine knowledge: which objects are Jinja2/Mako/Django template engines.

`is_template_engine(ctx, expr)` is true for environments and template classes of the engines
named in `ENVIRONMENTS` / `TEMPLATE_MODULES`; shared by AIS405 and AIS406.
"""

from __future__ import annotations

import ast

from .context import FileContext

__all__ = ['is_template_engine']

# Objects whose from_string(source) compiles a template: Jinja2 Environment.from_string,
# Django Engine.from_string (https://docs.djangoproject.com/en/stable/ref/templates/api/#django.template.Engine.from_string).
ENVIRONMENTS = frozenset(
    {
        "jinja2.Environment",
        "jinja2.environment.Environment",
        "django.template.Engine",
        "django.template.engine.Engine",
        "django.template.Engine.get_default",
        "django.template.engine.Engine.get_default",
    }
)


# Sandboxed environments are the documented way to render untrusted templates.
SANDBOXES = frozenset(
    {
        "jinja2.sandbox.SandboxedEnvironment",
        "jinja2.sandbox.ImmutableSandboxedEnvironment",
    }
)


ENGINE_MAPPINGS = frozenset({"django.template.engines"})


TEMPLATE_MODULES = ("jinja2", "django", "flask", "quart", "mako", "tornado")


_ENGINE_HINTS = ("env", "jinja", "engine")


def _imports_template_engine(ctx: FileContext) -> bool:
    return ctx.imports_any(TEMPLATE_MODULES)


def is_template_engine(ctx: FileContext, expr: ast.AST) -> bool:
    """An object whose ``from_string`` compiles template source (not a sandbox)."""
    inst = ctx.instance_of(expr)
    if inst in SANDBOXES:
        return False
    if inst in ENVIRONMENTS:
        return True
    if isinstance(expr, ast.Attribute) and expr.attr == "jinja_env":
        return True
    if isinstance(expr, ast.Subscript) and ctx.qualname(expr.value) in ENGINE_MAPPINGS:
        return True
    if inst is None:
        name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
        low = name.lower()
        return any(h in low for h in _ENGINE_HINTS) and "sandbox" not in low and _imports_template_engine(ctx)
    return False
