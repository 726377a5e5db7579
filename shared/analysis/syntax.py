"""The syntax this core knows.

`KNOWN_NODE_TYPES` lists every ``ast`` node class of CPython 3.10 to 3.13. A tree holding any
other node type comes from a newer grammar: users get a quiet generic walk, while the
project's own tests (strict mode) fail loudly until the new syntax is handled, as pyflakes
does.
"""

from __future__ import annotations

__all__ = ["KNOWN_NODE_TYPES", "UnknownSyntaxError"]


class UnknownSyntaxError(RuntimeError):
    """Raised in strict mode for an ``ast`` node type not in `KNOWN_NODE_TYPES`."""


KNOWN_NODE_TYPES = frozenset(
    """
    Add And AnnAssign Assert Assign AsyncFor AsyncFunctionDef AsyncWith Attribute AugAssign
    AugLoad AugStore Await BinOp BitAnd BitOr BitXor BoolOp Break Bytes Call ClassDef Compare
    Constant Continue Del Delete Dict DictComp Div Ellipsis Eq ExceptHandler Expr Expression
    ExtSlice FloorDiv For FormattedValue FunctionDef FunctionType GeneratorExp Global Gt GtE
    If IfExp Import ImportFrom In Index Interactive Invert Is IsNot JoinedStr LShift Lambda
    List ListComp Load Lt LtE MatMult Match MatchAs MatchClass MatchMapping MatchOr
    MatchSequence MatchSingleton MatchStar MatchValue Mod Module Mult Name NameConstant
    NamedExpr Nonlocal Not NotEq NotIn Num Or Param ParamSpec Pass Pow RShift Raise Return
    Set SetComp Slice Starred Store Str Sub Subscript Suite Try TryStar Tuple TypeAlias
    TypeIgnore TypeVar TypeVarTuple UAdd USub UnaryOp While With Yield YieldFrom alias arg
    arguments comprehension keyword match_case withitem
    """.split()
)
