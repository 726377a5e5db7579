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

__all__ = ["on", "CheckFn", "Confidence", "FileContext", "Hit", "hit"]

CheckFn = Callable[[ast.AST, FileContext], Iterator[Hit]]
F = TypeVar("F", bound=CheckFn)


def on(*node_types: type[ast.AST], callees: frozenset[str] | set[str] | None = None) -> Callable[[F], F]:
    """Register the decorated check for these ``ast`` node types.

    For ``ast.Call``, `callees` (optional) names the callee names the check looks at: the
    last part of the callee's qualified name, resolved through imports (``md5`` for
    ``from hashlib import md5 as m; m(x)``), or the method name (``execute``). The engine
    then calls the check only for those calls, which keeps the cost of many rules per call
    low. Checks that honour ``aisec-extra-sinks`` also see every call to a declared sink.
    """

    def mark(func: F) -> F:
        func.__aisec_node_types__ = node_types  # type: ignore[attr-defined]
        func.__aisec_callees__ = frozenset(callees) if callees is not None else None  # type: ignore[attr-defined]
        return func

    return mark
