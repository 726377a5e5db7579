"""Untrusted sources known to the core (a first slice; the taint engine extends this).

Used by the injection rules to raise confidence to high when a value visibly comes from a
request, the command line or the user: Flask/Quart/Bottle ``request.*``, Django and
Starlette request attributes (``request.GET``, ``request.query_params``, ...) on a name
called ``request``, ``input()`` and ``sys.argv``.
"""

from __future__ import annotations

import ast

from .context import FileContext

__all__ = ["mentions_untrusted"]

SOURCE_PREFIXES = ("flask.request", "quart.request", "bottle.request", "sys.argv", "builtins.input")
REQUEST_ATTRS = frozenset(
    {
        "args", "form", "values", "json", "get_json", "data", "cookies", "headers", "files",
        "GET", "POST", "body", "COOKIES", "META", "FILES", "query_params", "path_params",
        "query_string",
    }
)
_BUDGET = 500


def mentions_untrusted(ctx: FileContext, expr: ast.AST) -> bool:
    """True when `expr` reads a known source directly, or through a name bound to one.

    Bounded: at most a few hundred nodes are examined; beyond that the answer is False.
    """
    budget = _BUDGET
    work = [expr]
    seen: set[int] = set()
    while work and budget > 0:
        budget -= 1
        node = work.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, (ast.Attribute, ast.Name)):
            qn = ctx.qualname(node)
            if qn and qn.startswith(SOURCE_PREFIXES):
                return True
            if (
                isinstance(node, ast.Attribute)
                and node.attr in REQUEST_ATTRS
                and isinstance(node.value, ast.Name)
                and node.value.id in ("request", "req")
            ):
                return True
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and qn is None:
                for b in ctx.reaching_bindings(node):
                    if b.value is not None:
                        work.append(b.value)
                continue
        work.extend(ast.iter_child_nodes(node))
    return False
