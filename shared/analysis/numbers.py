"""Integer constants in source: `int_value` reads numbers, constant arithmetic and names
bound to them (work factors, key sizes, iteration counts). Never evaluates code.
"""

from __future__ import annotations

import ast

from .context import FileContext

__all__ = ['class_attr', 'int_value']

def int_value(ctx: FileContext, expr: ast.AST | None, depth: int = 0) -> int | None:
    """The integer an expression surely holds: a literal, a name or class attribute bound to
    one, or arithmetic over those (``10**5``, ``2 ** 14``, ``100 * 1000``, ``1 << 14``)."""
    if expr is None or depth > 8:
        return None
    if isinstance(expr, ast.Constant):
        value = expr.value
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(expr, ast.Name):
        return int_value(ctx, ctx.reaching_value(expr), depth + 1)
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls"):
        cls = ctx.enclosing_class(expr)
        return int_value(ctx, class_attr(cls, expr.attr), depth + 1) if cls is not None else None
    if isinstance(expr, ast.BinOp):
        left = int_value(ctx, expr.left, depth + 1)
        right = int_value(ctx, expr.right, depth + 1)
        if left is None or right is None:
            return None
        if isinstance(expr.op, ast.Mult):
            return left * right
        if isinstance(expr.op, ast.Add):
            return left + right
        if isinstance(expr.op, ast.Sub):
            return left - right
        if isinstance(expr.op, ast.Pow) and 0 <= right <= 64 and abs(left) <= 1 << 16:
            return left**right
        if isinstance(expr.op, ast.LShift) and 0 <= right <= 64:
            return left << right
        if isinstance(expr.op, ast.FloorDiv) and right:
            return left // right
    return None


def class_attr(cls: ast.ClassDef | None, name: str) -> ast.AST | None:
    for stmt in cls.body if cls is not None else ():
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
            return stmt.value
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
            return stmt.value
    return None
