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
    side: ``if cred.password != password: cred.password = password``."""
    stmt: ast.AST | None = node
    for anc in ctx.ancestors(node):
        stmt = anc
        if isinstance(anc, ast.stmt):
            break
    if not isinstance(stmt, ast.If) or not any(sub is node for sub in ast.walk(stmt.test)):
        return False
    branch = stmt.body if isinstance(op, ast.NotEq) else stmt.orelse
    sides = [(ast.unparse(a), ast.unparse(b)) for a, b in (pair, pair[::-1]) if isinstance(a, (ast.Attribute, ast.Subscript))]
    if not sides:
        return False
    for statement in branch:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            assigned = (ast.unparse(statement.targets[0]), ast.unparse(statement.value))
            if assigned in sides:
                return True
    return False
