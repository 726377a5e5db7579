"""How a rule module declares its checks.

A check is a generator function ``check(node, ctx) -> Iterator[Hit]`` decorated with `on`,
naming the ``ast`` node types it wants. The engine dispatches each node of the file once to
every check registered for its type; the rule's code comes from the registry record whose
``module`` is the check's module.

    @on(ast.Call)
    def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
        if ctx.call_name(node) == "os.system" and not ctx.is_constant(node.args[0]):
            yield hit(node.args[0], "os.system()", confidence=Confidence.MEDIUM)
"""

from __future__ import annotations

import ast
from typing import Callable, Iterator, TypeVar

from .analysis.context import FileContext
from .findings import Confidence, Hit, hit

__all__ = ["on", "callee_key", "target_names", "CheckFn", "Confidence", "FileContext", "Hit", "hit", "NAMED_TYPES"]

# Node types whose checks may declare `names` (see `on`).
NAMED_TYPES = frozenset({ast.Name, ast.Attribute, ast.Assign, ast.AnnAssign, ast.AugAssign})

CheckFn = Callable[[ast.AST, FileContext], Iterator[Hit]]
F = TypeVar("F", bound=CheckFn)


def on(
    *node_types: type[ast.AST],
    callees: frozenset[str] | set[str] | None = None,
    keywords: frozenset[str] | set[str] | None = None,
    names: frozenset[str] | set[str] | None = None,
    when: Callable[[FileContext], bool] | None = None,
) -> Callable[[F], F]:
    """Register the decorated check for these ``ast`` node types.

    For ``ast.Call``, `callees` (optional) names the callee names the check looks at: the
    last part of the callee's qualified name, resolved through imports (``md5`` for
    ``from hashlib import md5 as m; m(x)``), or the method name (``execute``). The engine
    then calls the check only for those calls, which keeps the cost of many rules per call
    low. Checks that honour ``aisec-extra-sinks`` also see every call to a declared sink.

    `keywords` (optional, ``ast.Call`` only) names keyword arguments: the check also sees
    every call that passes one of them by name (``verify=False`` to any client method).
    With `keywords` and no `callees`, it sees only those calls.

    For ``ast.Name`` and ``ast.Attribute``, `names` (optional) lists the identifiers the
    check looks at, as written (``Name.id``, ``Attribute.attr``; no import resolution): the
    engine calls the check only for those nodes. A file has about ten times as many names
    as calls. For ``ast.Assign``, ``ast.AnnAssign`` and ``ast.AugAssign``, `names` lists the
    target names the check looks at: the engine calls it only when a target, or an element
    of an unpacked target, is a Name with such an ``id``, an Attribute with such an ``attr``
    or a subscript with such a literal string key (``config["DEBUG"]``); a subscript whose
    key is not a literal string (``config[KEY]``) reaches every check.

    `when` (optional) is a gate asked once per file, before any node: when it returns False,
    the check sees no node of that file. It must return False only for files where the
    check cannot report anything (a necessary condition, such as an import of the library
    the check is about, or a word every reported construct contains), and cost less than
    the check would. A gate that raises counts as a failure of the rule (AIS000).

    Raises:
        ValueError: `names` given for any other node type.
    """
    if names is not None and not set(node_types) <= NAMED_TYPES:
        raise ValueError("names= applies to Name, Attribute, Assign, AnnAssign and AugAssign checks only")
    if (callees is not None or keywords is not None) and set(node_types) != {ast.Call}:
        raise ValueError("callees= and keywords= apply to ast.Call checks only")

    def mark(func: F) -> F:
        func.__aisec_node_types__ = node_types  # type: ignore[attr-defined]
        func.__aisec_callees__ = frozenset(callees) if callees is not None else None  # type: ignore[attr-defined]
        func.__aisec_keywords__ = frozenset(keywords) if keywords is not None else None  # type: ignore[attr-defined]
        func.__aisec_names__ = frozenset(names) if names is not None else None  # type: ignore[attr-defined]
        func.__aisec_when__ = when  # type: ignore[attr-defined]
        return func

    return mark


def target_names(node: ast.Assign | ast.AnnAssign | ast.AugAssign) -> list[str] | None:
    """The names an assignment binds, as `on` dispatches on them: each target's Name ``id``,
    Attribute ``attr`` or literal string subscript key, through tuple, list and starred
    unpacking; None when a subscript key is not a literal string (any name is possible)."""
    work: list[ast.AST] = list(node.targets) if type(node) is ast.Assign else [node.target]  # type: ignore[union-attr]
    found: list[str] = []
    while work:
        target = work.pop()
        kind = type(target)
        if kind is ast.Name:
            found.append(target.id)  # type: ignore[attr-defined]
        elif kind is ast.Attribute:
            found.append(target.attr)  # type: ignore[attr-defined]
        elif kind is ast.Subscript:
            key = target.slice  # type: ignore[attr-defined]
            if type(key) is not ast.Constant or type(key.value) is not str:
                return None
            found.append(key.value)
        elif kind is ast.Tuple or kind is ast.List:
            work.extend(target.elts)  # type: ignore[attr-defined]
        elif kind is ast.Starred:
            work.append(target.value)  # type: ignore[attr-defined]
    return found


def callee_key(call: ast.Call, ctx: FileContext) -> str:
    """The name the engine dispatches `call` on to checks that declare ``callees`` (see
    `checks.on`): the method name of ``x.m(...)``, else the last part of the callee's
    qualified name resolved through imports, else the called name as written.

    A rule whose knowledge also covers calls no fixed name set can list (any function of an
    SDK package, an object bound to any variable) declares the names it can, and finds the
    other calls in one per-file pass that skips the calls whose key it declared.
    """
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    qualified = ctx.call_name(call)
    return qualified.rsplit(".", 1)[-1] if qualified else getattr(func, "id", "")
