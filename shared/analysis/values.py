"""Judging values bound for query-language and code sinks (SQL-like, NoSQL, LDAP, XPath, code).

Moved out of the code-injection rule so that every rule of the injection family shares one
implementation: `judge_value` (taint verdict plus the validation guards these sinks accept:
type checks, ``str.isdigit``-style predicates, anchored regex matches, allow-list membership),
`value_parts` (the leaves a built string is made of), `query_confidence` (how dangerous the
shape of an unknown value is), `unknown_origin` (that confidence in a test file), and small
helpers for arguments and route parameters.
"""

from __future__ import annotations

import ast
from typing import Iterable

from ..findings import Confidence
from .context import FileContext, dotted
from .taint import FLOW_EXITS, tainted_for
from .patterns import lazy_compile

__all__ = ['Judgement', 'NUMERIC_TYPES', 'argument', 'class_constant', 'dotted', 'is_built', 'judge_value', 'model_class', 'query_confidence']

# Methods whose result carries only the receiver's (and arguments') text.
_TEXT_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title", "replace", "encode", "decode",
     "removeprefix", "removesuffix", "zfill", "ljust", "rjust", "center"}
)


_TEXT_CALLS = frozenset({"builtins.str", "builtins.repr", "builtins.format", "builtins.tuple", "builtins.list"})


# Calls and statements that leave the function when a check fails (flask.abort, sys.exit,
# argparse's parser.error, pytest.fail, Django's bad-request responses raised or returned).
# Tests on a string that make it safe to splice when they pass.
_STR_CHECKS = frozenset({"isidentifier", "isdigit", "isdecimal", "isnumeric", "isalnum", "isalpha"})


NUMERIC_TYPES = frozenset({"int", "float", "bool", "Decimal", "UUID"})


_DJANGO_VIEW_BASE = lazy_compile(r"(?:View|ViewSet|APIView|Mixin)$")


_MAX_HOPS = 6


class Judgement:
    """What reaches a sink: `level` is "safe", "source", "param" or "opaque".

    "source": untrusted input (`origins` names it); "param": a parameter of a function nobody
    in the module calls with known values (`params` names it); "opaque": some other
    non-constant value (an unknown call's result, an attribute of an unknown object).
    """

    __slots__ = ("level", "origins", "params")

    def __init__(self, level: str, origins: list | None = None, params: list | None = None) -> None:
        self.level = level
        self.origins = [] if origins is None else origins
        self.params = [] if params is None else params

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Judgement):
            return NotImplemented
        return (self.level, self.origins, self.params) == (other.level, other.origins, other.params)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Judgement(level={self.level!r}, origins={self.origins!r}, params={self.params!r})"

    def describe(self, fallback: str = "a non-constant value") -> str:
        if self.level == "source":
            return ", ".join(self.origins)
        if self.level == "param":
            return ", ".join(dict.fromkeys(self.params))
        return fallback


def _anchored(pattern: str | None) -> bool:
    return bool(pattern) and pattern.startswith("^") and pattern.endswith(("$", "\\Z"))


def _predicate_subject(ctx: FileContext, test: ast.AST, types: frozenset) -> ast.AST | None:
    """The value a passing test proves safe: ``P.fullmatch(x)``, ``re.fullmatch(p, x)``,
    ``x.isidentifier()``, ``isinstance(x, int)``, ``x in ALLOWED``, ``x == "a"``."""
    if isinstance(test, ast.Call):
        func = test.func
        name = ctx.call_name(test)
        if name == "re.fullmatch" and len(test.args) >= 2:
            return test.args[1]
        if name == "re.match" and len(test.args) >= 2 and _anchored(ctx.const_str(test.args[0])):
            return test.args[1]
        if name is None and isinstance(func, ast.Attribute) and test.args:
            if func.attr == "fullmatch":
                return test.args[0]
            if func.attr == "match" and isinstance(func.value, ast.Name):
                compiled = ctx.reaching_value(func.value)
                if isinstance(compiled, ast.Call) and ctx.call_name(compiled) == "re.compile" and compiled.args:
                    if _anchored(ctx.const_str(compiled.args[0])):
                        return test.args[0]
        if isinstance(func, ast.Attribute) and func.attr in _STR_CHECKS and not test.args:
            return func.value
        if name == "builtins.isinstance" and len(test.args) == 2:
            kinds = test.args[1]
            elts = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
            names = [dotted(e) for e in elts]
            if names and all(n is not None and n.rsplit(".", 1)[-1] in types for n in names):
                return test.args[0]
        return None
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.In, ast.Eq)) and ctx.is_constant(right, sanitizers=False):
            return test.left
        if isinstance(op, ast.IsNot) and isinstance(right, ast.Constant) and right.value is None:
            return _predicate_subject(ctx, test.left, types)
    return None


def _accepts(ctx: FileContext, test: ast.AST, key: str, types: frozenset) -> bool:
    """True when `test` passing proves the value named `key` safe."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_accepts(ctx, v, key, types) for v in test.values)
    subject = _predicate_subject(ctx, test, types)
    return subject is not None and dotted(subject) == key


def _rejects(ctx: FileContext, test: ast.AST, key: str, types: frozenset) -> bool:
    """True when `test` failing proves the value named `key` safe (``if <test>: leave``)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return any(_rejects(ctx, v, key, types) for v in test.values)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _accepts(ctx, test.operand, key, types)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.NotIn, ast.NotEq)) and ctx.is_constant(right, sanitizers=False):
            return dotted(test.left) == key
        if isinstance(op, ast.Is) and isinstance(right, ast.Constant) and right.value is None:
            subject = _predicate_subject(ctx, test.left, types)
            return subject is not None and dotted(subject) == key
    return False


def _leaves(ctx: FileContext, body: list) -> bool:
    """True when a block always leaves: return, raise, continue, break, abort(), sys.exit()."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        func = last.value.func
        tail = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if tail == "error" and isinstance(func, ast.Attribute):  # argparse: parser.error() exits
            return ctx.instance_of(func.value) == "argparse.ArgumentParser" or "parser" in (dotted(func.value) or "")
        return tail in FLOW_EXITS
    if isinstance(last, ast.If):
        return _leaves(ctx, last.body) and _leaves(ctx, last.orelse)
    return False


def _rebinds(stmts: list, name: str) -> bool:
    """True when one of the statements assigns `name` again (the check no longer holds)."""
    return any(
        isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store)
        for stmt in stmts
        for node in ast.walk(stmt)
    )


def validated(ctx: FileContext, node: ast.AST, types: frozenset = NUMERIC_TYPES) -> bool:
    """True when the name or attribute `node` was checked before this use in its function.

    A check is an ``if`` that rejects the value and leaves (``if not RE.fullmatch(x):
    abort(400)``, also as one ``or`` clause: ``if not x.isidentifier() or x.startswith("_"):``),
    an ``assert`` of a passing test, or an enclosing ``if`` whose test passing proves the value
    safe. Passing tests: a full regex match, ``str.isidentifier()`` / ``isdigit()`` and
    friends, ``isinstance`` with one of `types`, membership in a constant collection.
    """
    key = dotted(node)
    if key is None:
        return False
    child: ast.AST | None = ctx.statement_of(node)
    if child is None:
        return False
    for anc in ctx.ancestors(child):
        if isinstance(anc, ast.If) and child in anc.body and _accepts(ctx, anc.test, key, types):
            return True
        for name in ("body", "orelse", "finalbody"):
            block = getattr(anc, name, None)
            if isinstance(block, list) and child in block:
                here = block.index(child)
                for i, prev in enumerate(block[:here]):
                    checks = (
                        isinstance(prev, ast.If) and _rejects(ctx, prev.test, key, types) and _leaves(ctx, prev.body)
                    ) or (isinstance(prev, ast.Assert) and _accepts(ctx, prev.test, key, types))
                    if checks and not _rebinds(block[i + 1: here], key.split(".", 1)[0]):
                        return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.Module, ast.ClassDef)):
            break
        child = anc
    return False


def local_source(ctx: FileContext, node: ast.AST) -> str | None:
    """Untrusted input the engine does not model yet.

    - ``self.kwargs`` / ``self.args`` in a Django class-based view: the URL's captured values
      (https://docs.djangoproject.com/en/stable/ref/class-based-views/base/#django.views.generic.base.View.setup);
    - a FastAPI body parameter called ``req`` or ``request`` but annotated with a model class
      of the module (the engine takes those names for the request object).
    """
    cur = node
    while isinstance(cur, (ast.Subscript, ast.Call, ast.Attribute)):
        if isinstance(cur, ast.Attribute) and cur.attr in ("kwargs", "args") and dotted(cur.value) == "self":
            cls = ctx.enclosing_class(cur)
            if cls is not None and any(_DJANGO_VIEW_BASE.search(dotted(b) or "") for b in cls.bases):
                return f"URL arguments (self.{cur.attr})"
            return None
        cur = cur.func if isinstance(cur, ast.Call) else cur.value
    if isinstance(cur, ast.Name) and cur is not node and cur.id in ("req", "request"):
        param = route_param(ctx, cur)
        if param is not None and model_class(ctx, param.annotation) is not None:
            return f"route parameter '{cur.id}'"
    return None


def route_param(ctx: FileContext, name: ast.Name) -> ast.arg | None:
    """The parameter of a FastAPI route handler that `name` refers to, if it is one."""
    binds = ctx.bindings_of(name)
    if len(binds) != 1 or binds[0].kind != "param" or not isinstance(binds[0].target, ast.arg):
        return None
    func = ctx.scope_of(binds[0].target)
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or ctx.taint.route_kind(func) != "fastapi":
        return None
    return binds[0].target


def model_class(ctx: FileContext, annotation: ast.AST | None) -> ast.ClassDef | None:
    """The module's own class an annotation names (a Pydantic model), if any."""
    if not isinstance(annotation, ast.Name):
        return None
    binds = ctx.bindings_of(annotation)
    if len(binds) == 1 and isinstance(binds[0].target, ast.ClassDef):
        return binds[0].target
    return None


# Sinks that run Python source: there ``repr()`` of a value (``{x!r}`` in an f-string) is a
# literal the code cannot leave. The values a program gets from input are str, bytes,
# numbers, None, bools and containers of them, whose repr() is a literal (Python docs,
# ``repr``: "a string that would yield an object with the same value when passed to
# eval()"); a class of the program's own decides its own repr.
_REPR_LITERAL_KINDS = frozenset({"code"})
_REPR_CONVERSION = ord("r")


def value_parts(
    ctx: FileContext,
    expr: ast.AST,
    kind: str,
    *,
    sanitizers: frozenset = frozenset(),
    sanitizing_methods: frozenset = frozenset(),
    types: frozenset = NUMERIC_TYPES,
) -> list[ast.AST]:
    """The non-constant values a string is built from, through f-strings, ``+``, ``%``,
    ``str.format``, ``join``, text methods and local variables; values a `sanitizers` call
    returns, checked names, names the engine already judges safe and, for Python source
    (`_REPR_LITERAL_KINDS`), ``repr()`` / ``{x!r}`` literals are left out."""
    out: list[ast.AST] = []
    seen: set = set()
    work: list[tuple[ast.AST, int]] = [(expr, 0)]
    while work:
        node, hops = work.pop()
        if id(node) in seen or isinstance(node, ast.Constant):
            continue
        seen.add(id(node))
        if isinstance(node, ast.JoinedStr):
            work.extend((v, hops) for v in node.values if isinstance(v, ast.FormattedValue))
        elif isinstance(node, ast.FormattedValue):
            if kind in _REPR_LITERAL_KINDS and node.conversion == _REPR_CONVERSION:
                continue  # f"flow_id={flow_id!r}": a Python literal of the value
            work.append((node.value, hops))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            work.extend(((node.left, hops), (node.right, hops)))
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            work.extend((e, hops) for e in node.elts)
        elif isinstance(node, ast.Dict):
            work.extend((v, hops) for v in node.values)
        elif isinstance(node, ast.BoolOp):
            work.extend((v, hops) for v in node.values)
        elif isinstance(node, ast.IfExp):
            work.extend(((node.body, hops), (node.orelse, hops)))
        elif isinstance(node, (ast.Starred, ast.Await)):
            work.append((node.value, hops))
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            work.append((node.elt, hops))
        elif isinstance(node, ast.Call):
            if kind in _REPR_LITERAL_KINDS and ctx.call_name(node) == "builtins.repr":
                continue
            _call_parts(ctx, node, hops, work, out, sanitizers, sanitizing_methods)
        elif ctx.is_constant(node) or validated(ctx, node, types):
            continue
        elif isinstance(node, ast.Name):
            if ctx.taint.judge(node, kind)[0] == "safe":
                continue
            binds = ctx.reaching_bindings(node)
            known = all(b.value is not None and b.kind in ("assign", "aug", "walrus", "mutate") for b in binds)
            if hops < _MAX_HOPS and binds and known:
                work.extend((b.value, hops + 1) for b in binds)
            else:
                out.append(node)
        else:
            out.append(node)
    return out


def _call_parts(ctx, node, hops, work, out, sanitizers, sanitizing_methods) -> None:
    func = node.func
    name = ctx.call_name(node)
    args = [*node.args, *(k.value for k in node.keywords)]
    if name in sanitizers or (isinstance(func, ast.Attribute) and func.attr in sanitizing_methods):
        return
    if ctx.is_constant(node):
        return
    if name in _TEXT_CALLS:
        work.extend((a, hops) for a in args)
    elif isinstance(func, ast.Attribute) and func.attr in ("format", "join", "format_map") and ctx.is_constant(func.value):
        work.extend((a, hops) for a in args)
    elif name is None and isinstance(func, ast.Attribute) and func.attr in _TEXT_METHODS:
        work.append((func.value, hops))
        work.extend((a, hops) for a in args)
    else:
        out.append(node)


def judge_value(
    ctx: FileContext,
    expr: ast.AST,
    kind: str,
    *,
    sanitizers: frozenset = frozenset(),
    sanitizing_methods: frozenset = frozenset(),
    types: frozenset = NUMERIC_TYPES,
) -> Judgement:
    """Judge a non-constant value at a sink of `kind`: the engine's verdict, refined part by
    part (see `value_parts`)."""
    if ctx.taint.judge(expr, kind)[0] == "safe":
        return Judgement("safe")
    parts = value_parts(ctx, expr, kind, sanitizers=sanitizers, sanitizing_methods=sanitizing_methods, types=types)
    origins: set = set()
    params: list = []
    opaque = False
    for part in parts:
        seen, found = ctx.taint.judge(part, kind)
        if seen == "safe":
            continue
        if seen == "source":
            origins.update(found)
            continue
        local = local_source(ctx, part)
        if local:
            origins.add(local)
            continue
        labels = tainted_for(ctx.taint.of(part), kind)
        names = [lab.origin for lab in labels if lab.kind == "param"]
        if names:
            params.extend(names)
        else:
            opaque = True
    if origins:
        return Judgement("source", sorted(origins))
    if params:
        return Judgement("param", params=params)
    return Judgement("opaque") if opaque else Judgement("safe")


def is_built(ctx: FileContext, expr: ast.AST, hops: int = 0) -> bool:
    """True when a string is built by formatting: an f-string, ``+``, ``%`` or ``str.format``
    (also in the variable it is read from)."""
    if isinstance(expr, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in expr.values)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Mod)):
        return True
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("format", "join", "format_map"):
        return True
    if isinstance(expr, ast.Name) and hops < _MAX_HOPS:
        return any(b.value is not None and (b.augmented or is_built(ctx, b.value, hops + 1)) for b in ctx.reaching_bindings(expr))
    return False


def query_confidence(ctx: FileContext, expr: ast.AST, found: Judgement) -> Confidence | None:
    """Confidence for a query language spliced from values (LDAP, XPath, $where JavaScript):
    high for untrusted input, medium for a parameter formatted into the query, low for a
    whole query passed in as a parameter or a value of unknown origin formatted into it, None
    when safe or when an unknown value (a setting, an attribute) is used whole."""
    if found.level == "safe":
        return None
    if found.level == "source":
        return Confidence.HIGH
    built = is_built(ctx, expr)
    if found.level == "param":
        return unknown_origin(ctx, Confidence.MEDIUM) if built else Confidence.LOW
    return Confidence.LOW if built else None


def unknown_origin(ctx: FileContext, confidence: Confidence) -> Confidence:
    """The confidence of an injection finding whose value is of unknown origin (no request
    data, model output or other source reached it): `confidence` as given, but low in a test
    file (``aisec-test-paths``), where a helper's parameters are test data and the code is
    not deployed. A value from a source keeps its high confidence everywhere: callers ask
    this only for the unknown-origin case."""
    if confidence is Confidence.MEDIUM and ctx.settings.is_test_path(ctx.filename):
        return Confidence.LOW
    return confidence


def argument(call: ast.Call, index: int, names: Iterable[str]) -> ast.AST | None:
    """The call's argument at `index`, or its keyword argument under one of `names`."""
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    wanted = set(names)
    return next((k.value for k in call.keywords if k.arg in wanted), None)


def class_constant(ctx: FileContext, expr: ast.AST, *, annotated: bool = False) -> bool:
    """``self.X`` / ``cls.X`` in a method of a class whose body binds ``X = "literal"`` once,
    with no ``obj.X = ...`` anywhere in the module (``table_name = "profiles"``). With
    `annotated`, an annotated binding counts too in a class with no decorator and no base
    class (the shell of open-interpreter's ``_BashSession``: ``command: str = "/bin/bash"``):
    in a dataclass, a pydantic or attrs model, or a subclass of one, an annotated name is a
    field the constructor sets. AIS401 keeps to plain assignments."""
    if not (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls")):
        return False
    owner = ctx.enclosing_class(expr)
    if owner is None:
        return False
    binds = [
        stmt for stmt in owner.body
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign))
        and any(isinstance(t, ast.Name) and t.id == expr.attr for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]))
    ]
    if len(binds) != 1:
        return False
    bind = binds[0]
    if isinstance(bind, ast.AnnAssign):
        if not annotated or owner.decorator_list or owner.bases or owner.keywords:
            return False
    elif not isinstance(bind, ast.Assign) or len(bind.targets) != 1:
        return False
    value = bind.value
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return False
    return not any(
        node.attr == expr.attr and not isinstance(node.ctx, ast.Load) for node in ctx.nodes_of(ast.Attribute)
    )
