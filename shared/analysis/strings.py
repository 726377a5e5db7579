"""Built strings: the constant text and the holes of a string assembled in code.

One decomposition for every rule that asks *where* a value lands in a string: SQL (is the hole
in a value position?), templates and HTML (is the hole inside markup?), redirects (does constant
text fix the host before the hole?). It reads f-strings, ``%``-formatting, concatenation,
``str.format`` (numbered, named and automatic fields, and the fields of ``**params`` when
``params`` is a local ``dict(...)`` or dict display), ``sep.join([...])`` of a literal list and
local names assigned (then perhaps extended with ``+=``) to such a string.

Pieces are ``str`` for constant text and ``ast.AST`` for a part whose value is not a constant.
A constant that is not a string (a number, a constant name) reads as the text ``"0"``.
"""

from __future__ import annotations

import ast

from .context import FileContext, flatten_add
from .patterns import lazy_compile

__all__ = ["Built", "MAX_BUILD_DEPTH", "build_string", "constant", "constant_text", "joined_items", "string_parts"]

# printf-style conversions (``%s``, ``%(name)s``, ``%-10.3f``) and the ``%%`` escape; bounded
# repeats keep the match linear.
_PRINTF = lazy_compile(r"%%|%(?:\([^)]{0,100}\))?[-#0 +]{0,5}[0-9.*]{0,10}[sdifrxXeEgGc]")
# str.format replacement fields (``{}``, ``{0}``, ``{name.attr!r:>10}``) and the ``{{``/``}}`` escapes.
_FORMAT_FIELD = lazy_compile(r"\{\{|\}\}|\{([^{}!:]{0,100})(?:![rsa])?(?::[^{}]{0,100})?\}")
MAX_BUILD_DEPTH = 6


class Built:
    """A decomposed string: `how` it was built (``"an f-string"``, ``"%-formatting in 'q'"``,
    for messages) and its `parts` (``str`` constant text, ``ast.AST`` holes), in order."""

    __slots__ = ("how", "parts")

    def __init__(self, how: str, parts: list | None = None) -> None:
        self.how = how
        self.parts = [] if parts is None else parts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Built):
            return NotImplemented
        return (self.how, self.parts) == (other.how, other.parts)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Built(how={self.how!r}, parts={self.parts!r})"


def constant(ctx: FileContext, expr: ast.AST) -> bool:
    """`FileContext.is_constant`, unless the taint engine saw input reach the value.

    ``is_constant`` follows a name to its last assignment in source order, so
    ``x = request.args["x"]`` followed by ``if bad: x = "/"`` reads as constant; the engine's
    flow analysis still sees the input on the other path."""
    if not ctx.is_constant(expr):
        return False
    return not any(lab.kind in ("source", "param") for lab in ctx.taint.of(expr))


def constant_text(parts: list) -> str:
    """The constant text of a built string."""
    return "".join(p for p in parts if isinstance(p, str))


def string_parts(ctx: FileContext, expr: ast.AST) -> list | None:
    """The pieces of `expr` (see the module docstring), or None when it is not a built string."""
    built = build_string(ctx, expr)
    return built.parts if built is not None else None


def build_string(ctx: FileContext, expr: ast.AST, *, alternatives: bool = False, depth: int = 0) -> Built | None:
    """Decompose a string-building expression; None when `expr` is not built that way.

    Args:
        alternatives: when a local name has several reaching assignments (set in branches),
            concatenate the pieces of each. Right for asking whether some hole sits in a
            dangerous position (SQL); wrong for prefix questions (a redirect's fixed host), so
            by default such a name is not decomposed.
        depth: recursion depth so far; beyond `MAX_BUILD_DEPTH` the answer is None.
    """
    if depth > MAX_BUILD_DEPTH:
        return None
    if isinstance(expr, ast.JoinedStr):
        return Built("an f-string", [
            str(p.value) if isinstance(p, ast.Constant) else _piece(ctx, p.value)
            for p in expr.values
            if isinstance(p, (ast.Constant, ast.FormattedValue))
        ])
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
        return _percent_parts(ctx, expr)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        out: list = []
        for part in flatten_add(expr):
            inner = None if isinstance(part, (ast.Constant, ast.Name)) else build_string(
                ctx, part, alternatives=alternatives, depth=depth + 1
            )
            out.extend(inner.parts if inner is not None else [_piece(ctx, part)])
        return Built("concatenation", out)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        if expr.func.attr == "format":
            return _format_parts(ctx, expr)
        if expr.func.attr == "join" and len(expr.args) == 1:
            return _join_parts(ctx, expr, alternatives, depth)
        return None
    if isinstance(expr, ast.Name):
        return _name_parts(ctx, expr, alternatives, depth)
    return None


def _percent_parts(ctx: FileContext, expr: ast.BinOp) -> Built | None:
    fmt = ctx.const_str(expr.left)
    if fmt is None:
        return None
    right = expr.right
    if isinstance(right, ast.Tuple):
        values = list(right.elts)
    elif isinstance(right, ast.Dict):
        values = list(right.values)
    else:
        values = [right]
    out: list = []
    start = index = 0
    for m in _PRINTF.finditer(fmt):
        out.append(fmt[start:m.start()])
        start = m.end()
        if m.group(0) == "%%":
            out.append("%")
            continue
        out.append(_piece(ctx, values[index] if index < len(values) else right))
        index += 1
    out.append(fmt[start:])
    return Built("%-formatting", out)


def _format_parts(ctx: FileContext, expr: ast.Call) -> Built | None:
    fmt = ctx.const_str(expr.func.value)  # type: ignore[attr-defined]
    if fmt is None:
        return None
    keywords = {k.arg: k.value for k in expr.keywords if k.arg}
    spread = [k.value for k in expr.keywords if not k.arg]  # **mapping: any field may come from it
    if len(spread) == 1 and not keywords:
        fields = _literal_mapping(ctx, spread[0])
        if fields is not None:
            keywords, spread = fields, []
    out: list = []
    start = auto = 0
    for m in _FORMAT_FIELD.finditer(fmt):
        out.append(fmt[start:m.start()])
        start = m.end()
        if m.group(0) in ("{{", "}}"):
            out.append(m.group(0)[0])
            continue
        name = (m.group(1) or "").split(".")[0].split("[")[0]
        if name.isdigit():
            value = expr.args[int(name)] if int(name) < len(expr.args) else None
        elif name:
            value = keywords.get(name)
        else:
            value = expr.args[auto] if auto < len(expr.args) else None
            auto += 1
        if value is None and (spread or any(isinstance(a, ast.Starred) for a in expr.args)):
            value = (spread or [a for a in expr.args if isinstance(a, ast.Starred)])[0]
        out.append(_piece(ctx, value) if value is not None else "")
    out.append(fmt[start:])
    return Built("str.format", out)


def _literal_mapping(ctx: FileContext, expr: ast.AST) -> dict[str, ast.AST] | None:
    """The fields of a mapping spread into ``str.format(**params)``: a local name bound once,
    never changed item by item, to ``dict(key=value, ...)`` or a dict display with constant
    string keys (ckan's ``format_params = dict(res_id=..., values=...)``). None otherwise."""
    if not isinstance(expr, ast.Name):
        return None
    binds = ctx.bindings_of(expr)
    if len(binds) != 1 or binds[0].kind != "assign":
        return None
    value = binds[0].value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict" and not value.args:
        if all(k.arg for k in value.keywords):
            return {k.arg: k.value for k in value.keywords if k.arg}
        return None
    if isinstance(value, ast.Dict) and all(k is not None and isinstance(k, ast.Constant) and isinstance(k.value, str) for k in value.keys):
        return {k.value: v for k, v in zip(value.keys, value.values)}  # type: ignore[union-attr]
    return None


def _join_parts(ctx: FileContext, expr: ast.Call, alternatives: bool, depth: int) -> Built | None:
    sep = ctx.const_str(expr.func.value)  # type: ignore[attr-defined]
    items = expr.args[0]
    if isinstance(items, ast.Name):
        if any(b.kind == "mutate" for b in ctx.bindings_of(items)):
            return None  # filled by appends: see `joined_items`
        items = ctx.reaching_value(items)
    if sep is None or not isinstance(items, (ast.List, ast.Tuple)):
        return None
    out: list = []
    for i, elt in enumerate(items.elts):
        if i:
            out.append(sep)
        inner = build_string(ctx, elt, alternatives=alternatives, depth=depth + 1)
        out.extend(inner.parts if inner is not None else [_piece(ctx, elt)])
    return Built("str.join", out)


def _name_parts(ctx: FileContext, expr: ast.Name, alternatives: bool, depth: int) -> Built | None:
    """A local name assigned (then perhaps extended with ``+=``) to a built string."""
    if not alternatives and sum(1 for b in ctx.bindings_of(expr) if not b.augmented) != 1:
        return None  # several assignments: which one reaches is a matter of flow
    steps = ctx.reaching_bindings(expr)
    if not steps or steps[0].value is None or steps[0].kind not in ("assign", "walrus"):
        return None
    out: list = []
    hows: list[str] = []
    for step in steps:
        if step.value is None or step.kind not in ("assign", "walrus", "aug"):
            return None
        inner = build_string(ctx, step.value, alternatives=alternatives, depth=depth + 1)
        if inner is None:
            out.append(_piece(ctx, step.value))
        else:
            out.extend(inner.parts)
            hows.append(inner.how)
    return Built(f"{hows[-1]} in '{expr.id}'", out) if hows else None


def _piece(ctx: FileContext, node: ast.AST) -> str | ast.AST:
    if not constant(ctx, node):
        return node
    text = ctx.const_str(node)
    return text if text is not None else "0"


def joined_items(ctx: FileContext, expr: ast.AST) -> list[ast.AST]:
    """For ``sep.join(parts)`` with `parts` a local list: the expressions put into it, whether
    listed in its literal or appended later (``parts.append(...)``)."""
    if not (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "join"
        and len(expr.args) == 1
        and isinstance(expr.args[0], ast.Name)
    ):
        return []
    out: list[ast.AST] = []
    for b in ctx.bindings_of(expr.args[0]):
        if isinstance(b.value, (ast.List, ast.Tuple)):
            out.extend(b.value.elts)
        elif b.value is not None and b.kind == "mutate":
            out.append(b.value)
    return out
