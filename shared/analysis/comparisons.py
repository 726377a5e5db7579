"""Comparisons whose purpose shows in the code around them.

`replaced_on_change`: ``if record.api_key != api_key: record.api_key = api_key`` compares a
stored value with a new one to see whether to replace it (a client's credential cache, a
settings update), not to check a guess: the branch taken on a mismatch assigns the compared
field the other operand. Whoever supplies the value becomes its holder; nothing is granted
on a match, so the time the comparison takes reveals nothing worth guessing.
"""

from __future__ import annotations

import ast

from .context import FileContext

__all__ = ["replaced_on_change"]


def replaced_on_change(ctx: FileContext, node: ast.Compare, op: ast.cmpop, pair: tuple) -> bool:
    """True when `node` is (part of) an ``if`` test and the branch run on a mismatch (the body
    for ``!=``, the ``else`` for ``==``) assigns one side, an attribute or item, the other
    side: ``if cred.password != password: cred.password = password``, also in a nested
    block (``if verified: cache["secret"] = secret``) and for a side read into a local name
    from that item (`_held_at`)."""
    stmt: ast.AST | None = node
    for anc in ctx.ancestors(node):
        stmt = anc
        if isinstance(anc, ast.stmt):
            break
    if not isinstance(stmt, ast.If) or not any(sub is node for sub in ast.walk(stmt.test)):
        return False
    branch = stmt.body if isinstance(op, ast.NotEq) else stmt.orelse
    sides = [(held, ast.unparse(b)) for a, b in (pair, pair[::-1]) if (held := _held_at(ctx, a)) is not None]
    if not sides:
        return False
    for statement in branch:
        for inner in ast.walk(statement):
            if isinstance(inner, ast.Assign) and len(inner.targets) == 1:
                assigned = (ast.unparse(inner.targets[0]), ast.unparse(inner.value))
                if assigned in sides:
                    return True
    return False


def _held_at(ctx: FileContext, expr: ast.AST) -> str | None:
    """Where a compared value is kept, as source text: an attribute or item itself
    (``cred.api_key``), or the item a local name was read from, ``cached =
    session["aws"].get("secret")`` (or ``session["aws"]["secret"]``) giving
    ``session['aws']['secret']``. None for any other value."""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, ast.Subscript):
            return ast.unparse(value)
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "get"
            and len(value.args) == 1
            and not value.keywords
            and isinstance(value.args[0], ast.Constant)
        ):
            return f"{ast.unparse(value.func.value)}[{ast.unparse(value.args[0])}]"
        return None
    if isinstance(expr, (ast.Attribute, ast.Subscript)):
        return ast.unparse(expr)
    return None
