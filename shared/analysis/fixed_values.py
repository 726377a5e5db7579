"""Values fixed in the source: whether a key, IV, nonce or salt is a constant
(literals, names bound to them, ``bytes()``, ``bytes.fromhex``, base64 and hashes or KDFs of
constants), and the names a value flows through. Shared by AIS503, AIS504, AIS506 and AIS507.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from .context import FileContext
from .crypto import (
    arg,
)

__all__ = ['DERIVATIONS', 'FIXED_CALLS', 'FIXED_METHODS', 'Fixed', 'fixed_value', 'follow_names', 'literal_text']

# --- constant values ------------------------------------------------------------------------
# Calls whose result is fixed when their arguments are: buffers and encodings.
FIXED_CALLS = frozenset(
    {
        "builtins.bytes", "builtins.bytearray", "builtins.str", "builtins.bytes.fromhex",
        "builtins.bytearray.fromhex", "binascii.unhexlify", "binascii.a2b_hex", "binascii.hexlify",
        "binascii.a2b_base64", "base64.b64decode", "base64.b64encode", "base64.urlsafe_b64decode",
        "base64.urlsafe_b64encode", "base64.b32decode", "base64.b16decode", "base64.decodebytes",
        "codecs.decode", "codecs.encode",
    }
)


# str/bytes methods and hash-object methods whose result is fixed when receiver and arguments are.
FIXED_METHODS = frozenset(
    {
        "encode", "decode", "digest", "hexdigest", "ljust", "rjust", "zfill", "upper", "lower",
        "strip", "rstrip", "lstrip", "replace", "join", "fromhex", "hex", "copy",
    }
)


# Key derivations of a constant secret: (qualified name or ".method") -> index/keyword of the
# secret. What comes out is as fixed as the secret, whatever the salt (the salt is stored).
DERIVATIONS = {"hashlib.pbkdf2_hmac": (1, "password"), "hashlib.scrypt": (0, "password"), ".derive": (0, "key_material")}


_BUDGET = 400


class Fixed(NamedTuple):
    """A value the program always holds the same.

    Attributes:
        node: where it is written: the literal when there is exactly one, else the expression.
        text: the literal's text when the value is that literal as written, else None.
        derived: True when the value is computed from constants (repetition, hash, encoding).
    """

    node: ast.AST
    text: str | None
    derived: bool


def follow_names(ctx: FileContext, expr: ast.AST) -> ast.AST:
    """Follow a name (or ``self.attr``) to the single value it is bound to (a few hops)."""
    for _ in range(8):
        if isinstance(expr, ast.Name):
            value = ctx.reaching_value(expr)
        elif isinstance(expr, ast.Attribute):
            values = _self_attribute_values(ctx, expr) or []
            value = values[0] if len(values) == 1 else None
        else:
            break
        if value is None:
            break
        expr = value
    return expr


def _self_attribute_values(ctx: FileContext, node: ast.Attribute) -> list[ast.AST] | None:
    """The values bound to ``self.attr`` / ``cls.attr`` in the enclosing class, or None."""
    if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
        return None
    cls = ctx.enclosing_class(node)
    if cls is None:
        return None
    values: list[ast.AST] = []
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == node.attr for t in stmt.targets):
            values.append(stmt.value)
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == node.attr and stmt.value is not None:
            values.append(stmt.value)
    for sub in ast.walk(cls):
        if isinstance(sub, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == node.attr
                    and isinstance(target.value, ast.Name)
                    and target.value.id in ("self", "cls")
                ):
                    if sub.value is None:
                        return None
                    values.append(sub.value)
    return values or None


def fixed_value(ctx: FileContext, expr: ast.AST | None) -> Fixed | None:
    """A `Fixed` when `expr` always holds the same value (see the module docs), else None."""
    if expr is None:
        return None
    top = follow_names(ctx, expr)
    literals: list[ast.Constant] = []
    derived = False
    budget = _BUDGET
    seen: set[int] = set()
    work: list[ast.AST] = [top]
    while work:
        budget -= 1
        if budget < 0:
            return None
        node = work.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, (str, bytes)):
                literals.append(node)
            elif not isinstance(value, int) or isinstance(value, bool):
                return None  # None, True, ...: "no value" (PyCryptodome then picks a random IV)
        elif isinstance(node, ast.BinOp):
            derived = True
            work.extend((node.left, node.right))
        elif isinstance(node, (ast.Tuple, ast.List)):
            derived = True
            work.extend(node.elts)
        elif isinstance(node, ast.JoinedStr):
            derived = True
            work.extend(node.values)
        elif isinstance(node, ast.FormattedValue):
            work.append(node.value)
        elif isinstance(node, ast.IfExp):
            derived = True
            work.extend((node.body, node.orelse))
        elif isinstance(node, ast.Subscript):
            work.extend((node.value, node.slice))
        elif isinstance(node, ast.Slice):
            work.extend(n for n in (node.lower, node.upper, node.step) if n is not None)
        elif isinstance(node, ast.Name):
            binds = ctx.value_bindings(node)
            if not binds or any(b.value is None for b in binds):
                return None
            derived = derived or len(binds) > 1
            work.extend(b.value for b in binds if b.value is not None)
        elif isinstance(node, ast.Attribute):
            values = _self_attribute_values(ctx, node)
            if values is None:
                return None
            derived = derived or len(values) > 1
            work.extend(values)
        elif isinstance(node, ast.Call):
            found = _call_parts(ctx, node)
            if found is None:
                return None
            parts, derives = found
            derived = derived or derives
            work.extend(parts)
        else:
            return None
    if len(literals) == 1 and not derived:
        # One literal, at most re-encoded or sliced ("key".encode(), bytes.fromhex("..."), KEY[:16]).
        return Fixed(literals[0], literal_text(literals[0]), False)
    return Fixed(literals[0] if len(literals) == 1 else top, None, True)


def _call_parts(ctx: FileContext, node: ast.Call) -> tuple[list[ast.AST], bool] | None:
    """(the sub-expressions a call's result is fixed by, whether it derives a new value from
    them), or None when the call's result is not fixed by its inputs."""
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    name = ctx.call_name(node)
    every = [*node.args, *(k.value for k in node.keywords)]
    if name in FIXED_CALLS:
        # The first argument is the value; the others name an encoding or alphabet.
        return (every[:1], False) if node.args else (every, False)
    if name in DERIVATIONS:
        index, keyword = DERIVATIONS[name]
        secret = arg(node, index, keyword)
        return ([secret], True) if secret is not None else None
    if name and name.startswith("hashlib."):
        return every, True  # hashlib.sha256(b"...") and friends: a digest of constants
    func = node.func
    if name is None and isinstance(func, ast.Attribute):
        if func.attr == "derive":
            secret = arg(node, 0, "key_material")
            return ([secret], True) if secret is not None else None
        if func.attr in ("encode", "decode"):
            return [func.value], False  # the arguments name the encoding
        if func.attr in FIXED_METHODS:
            return [func.value, *every], func.attr in ("digest", "hexdigest")
    return None


def literal_text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return node.value if isinstance(node.value, str) else node.value.decode("latin-1")
    return None
