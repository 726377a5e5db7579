"""Constant durations in source: how many seconds a lifetime, expiry or leeway stands for.

Shared by the rules that compare a lifetime with a limit (AIS209 token lifetimes, AIS214
session lifetimes, AIS215 JWT leeway). Reads the syntax tree only and never evaluates code:
numbers, ``+ - * / //`` of those, ``datetime.timedelta(...)`` (positional and keyword units),
``.total_seconds()``, ``int()`` / ``float()`` / ``round()`` / ``calendar.timegm()`` around a value,
and names bound (reaching the use) to such values.
"""

from __future__ import annotations

import ast
import math

from .context import FileContext

__all__ = ["NOW_CALLS", "duration", "is_now", "lifetime", "seconds"]

# The current time, as the standard library and the common date libraries spell it.
NOW_CALLS = frozenset(
    {
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "time.time",
        "django.utils.timezone.now",
        "arrow.utcnow",
        "arrow.now",
        "pendulum.now",
    }
)
# datetime.timedelta's units and positional order (Python docs, datetime.timedelta).
_TIMEDELTA = frozenset({"datetime.timedelta"})
_TIMEDELTA_UNITS = {
    "weeks": 604800, "days": 86400, "hours": 3600, "minutes": 60, "seconds": 1,
    "milliseconds": 0.001, "microseconds": 1e-6,
}
_TIMEDELTA_POSITIONAL = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")
_TRANSPARENT = frozenset({"builtins.int", "builtins.float", "builtins.round", "calendar.timegm"})
_DEPTH = 12


def seconds(expr: ast.AST | None, ctx: FileContext, depth: int = 0) -> float | None:
    """Seconds a constant duration expression stands for, or None when it is not constant
    or not a finite number (``1e999``, ``1e999 - 1e999``, an int too large for a float)."""
    return _finite(_seconds(expr, ctx, depth))


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _float(value: object) -> float | None:
    """A numeric literal as a float; None for bools, other types and ints past float range."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def _seconds(expr: ast.AST | None, ctx: FileContext, depth: int) -> float | None:
    if expr is None or depth > _DEPTH:
        return None
    if isinstance(expr, ast.Constant):
        return _float(expr.value)
    if isinstance(expr, ast.Name):
        return _seconds(ctx.reaching_value(expr), ctx, depth + 1)
    if isinstance(expr, ast.BinOp):
        left, right = _seconds(expr.left, ctx, depth + 1), _seconds(expr.right, ctx, depth + 1)
        if left is None or right is None:
            return None
        if isinstance(expr.op, ast.Add):
            return left + right
        if isinstance(expr.op, ast.Sub):
            return left - right
        if isinstance(expr.op, ast.Mult):
            return left * right
        if isinstance(expr.op, (ast.Div, ast.FloorDiv)) and right:
            return left / right if isinstance(expr.op, ast.Div) else left // right
        return None
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr == "total_seconds" and not expr.args:
            return _seconds(func.value, ctx, depth + 1)
        name = ctx.call_name(expr)
        if name in _TRANSPARENT and len(expr.args) == 1:
            return _seconds(expr.args[0], ctx, depth + 1)
        if name in _TIMEDELTA:
            total = 0.0
            parts = list(zip(_TIMEDELTA_POSITIONAL, expr.args)) + [(k.arg, k.value) for k in expr.keywords]
            for unit, value in parts:
                n = _seconds(value, ctx, depth + 1)
                if unit not in _TIMEDELTA_UNITS or n is None:
                    return None
                total += n * _TIMEDELTA_UNITS[unit]
            return total
    return None


def is_now(expr: ast.AST | None, ctx: FileContext, depth: int = 0) -> bool:
    """``datetime.now(...)``, ``time.time()``, ``int(time.time())``, or a name bound to one."""
    if expr is None or depth > _DEPTH:
        return False
    if isinstance(expr, ast.Name):
        return is_now(ctx.reaching_value(expr), ctx, depth + 1)
    if isinstance(expr, ast.Call):
        name = ctx.call_name(expr)
        if name in NOW_CALLS:
            return True
        if name in _TRANSPARENT and expr.args:
            return is_now(expr.args[0], ctx, depth + 1)
    return False


def lifetime(expr: ast.AST | None, ctx: FileContext, depth: int = 0) -> float | None:
    """Seconds from now to an expiry written as now plus a duration, or None if unknown.

    ``datetime.now(timezone.utc) + timedelta(days=365)`` -> 31536000;
    ``int(time.time()) + 86400 * 30`` -> 2592000; ``(now + delta).timestamp()`` likewise.
    """
    if expr is None or depth > _DEPTH:
        return None
    if isinstance(expr, ast.Name):
        return lifetime(ctx.reaching_value(expr), ctx, depth + 1)
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr in ("timestamp", "utctimetuple", "timetuple") and not expr.args:
            return lifetime(func.value, ctx, depth + 1)
        if ctx.call_name(expr) in _TRANSPARENT and expr.args:
            return lifetime(expr.args[0], ctx, depth + 1)
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        for now, delta in ((expr.left, expr.right), (expr.right, expr.left)):
            if is_now(now, ctx):
                return seconds(delta, ctx)
        inner = lifetime(expr.left, ctx, depth + 1)  # (now + a) + b
        extra = seconds(expr.right, ctx)
        if inner is not None and extra is not None:
            return _finite(inner + extra)
    return None


def duration(secs: float) -> str:
    """Readable: ``31536000`` -> ``"365 days"``, ``7200`` -> ``"2 hours"``, ``90`` -> ``"90 seconds"``."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if secs >= size and secs % size == 0:
            n = int(secs // size)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    if secs >= 86400:
        return f"{secs / 86400:.1f} days"
    return f"{int(secs)} seconds"
