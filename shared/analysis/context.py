"""Per-file facts, computed once in one iterative walk and shared by every check.

`FileContext` holds the parsed tree and what every rule needs to ask about it:

- the parent of every node, the enclosing scope (module, function, lambda, class) and
  statement of any node;
- qualified names through imports (``import subprocess as sp; sp.call`` is
  ``subprocess.call``; ``from hashlib import md5 as m; m`` is ``hashlib.md5``), with local
  bindings shadowing imports and builtins (``builtins.input``) resolved last;
- the bindings of every name in every scope, in source order, with the bound value where
  there is one (assignment, annotated assignment, augmented assignment, walrus, ``with ...
  as``, tuple unpacking of a tuple value);
- whether an expression is a *constant*: built only from literals, names bound once to
  constants, and known-constant attributes such as ``sys.executable`` (see `is_constant`);
- decorators and the enclosing function or class.

The walk never recurses, so deeply nested input cannot raise RecursionError; every derived
query is iterative or depth-guarded. The taint engine of the next issue plugs in here as one
more lazily computed per-function fact.
"""

from __future__ import annotations

import ast
import bisect
import builtins
import functools
import io
import operator
import tokenize
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from ..options import Settings
from .syntax import KNOWN_NODE_TYPES, UnknownSyntaxError

if TYPE_CHECKING:
    from .taint import TaintAnalysis

__all__ = ["BUILTIN_NAMES", "Binding", "FileContext", "child_nodes", "OPERAND_WRAPPERS", "SCOPE_TYPES", "dotted", "flatten_add", "literal_str", "node_span", "operand_name"]

SCOPE_TYPES = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
FUNCTION_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
# The names `FileContext.lookup` resolves to ``builtins.<name>`` when nothing binds them.
BUILTIN_NAMES = frozenset(dir(builtins))

# Attributes whose value is fixed by the interpreter or platform, not by input.
CONSTANT_QUALNAMES = frozenset(
    {
        "sys.executable",
        "sys.prefix",
        "sys.base_prefix",
        "sys.platform",
        "sys.version",
        "os.sep",
        "os.pathsep",
        "os.linesep",
        "os.devnull",
        "os.curdir",
        "os.pardir",
        "os.extsep",
        "string.ascii_letters",
        "string.ascii_lowercase",
        "string.ascii_uppercase",
        "string.digits",
        "string.hexdigits",
        "string.punctuation",
        "builtins.__file__",
        "builtins.__name__",
    }
)

# Calls that turn any input into a value that cannot carry an injection payload.
SANITIZING_CALLS = frozenset(
    {
        "builtins.int",
        "builtins.float",
        "builtins.bool",
        "builtins.len",
        "uuid.UUID",
        "shlex.quote",
        "shlex.join",
        "pipes.quote",
    }
)
# Methods that quote an SQL identifier (Django connection.ops.quote_name, schema editors,
# psycopg's sql.Identifier, SQLAlchemy's preparer.quote): their result is safe to splice.
SANITIZING_METHODS = frozenset({"quote_name", "quote_ident", "quote_identifier", "escape_identifier", "Identifier", "quote"})
# Calls whose result is constant when their arguments are.
_PURE_CALLS = frozenset(
    {
        "builtins.str", "builtins.repr", "builtins.format", "os.path.join", "pathlib.Path", "builtins.tuple",
        "builtins.list", "builtins.set", "builtins.frozenset", "builtins.sorted", "builtins.dict",
    }
)
_PURE_STR_METHODS = frozenset(
    {"format", "join", "lower", "upper", "strip", "lstrip", "rstrip", "replace", "encode", "decode", "title", "resolve", "parent"}
)

# Methods that put their arguments into the receiving container.
MUTATORS = frozenset({"append", "extend", "insert", "add", "update", "appendleft", "extendleft", "setdefault"})
# Budget for one `is_constant` query: nodes examined, including through name bindings.
_CONSTANT_BUDGET = 2000


class Binding(NamedTuple):
    """One binding of a name in a scope.

    Attributes:
        name: the bound identifier.
        target: the node that binds it (ast.Name, ast.arg, ast.FunctionDef, ...).
        value: the expression it is bound to, or None when unknown (parameters, loop targets,
            imports, except names, match captures, unpacking of a non-literal).
        augmented: True for ``name op= value``: the binding extends, not replaces, the old value.
        kind: "assign", "aug", "walrus", "with", "param", "loop", "def", "import", "other".
    """

    name: str
    target: ast.AST
    value: ast.expr | None
    augmented: bool = False
    kind: str = "assign"


# `Binding(...)` without the generated ``__new__``'s extra Python call: the index makes one per
# binding (60,000 over Django). Every field is given, in order.
_binding = functools.partial(tuple.__new__, Binding)


def node_span(node: ast.AST) -> tuple[int, int, int | None, int | None]:
    """Return ``(line, col, end_line, end_col)`` of a node; 1-based lines, 0-based columns."""
    line = getattr(node, "lineno", 1) or 1
    col = getattr(node, "col_offset", 0) or 0
    return line, col, getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None)


class FileContext:
    """Facts about one file, shared by all checks.

    Args:
        tree: the module's ``ast`` tree; never mutated.
        lines: the source lines, each ending with its newline as flake8 hands them over.
        filename: path as the host reports it (may be ``"stdin"`` or ``"-"``).
        settings: validated `Settings`.

    Raises:
        UnknownSyntaxError: in strict mode only, when the tree holds a node type this core
            does not know (a newer Python's grammar). Users get a quiet generic walk instead.
    """

    def __init__(self, tree: ast.AST, lines: list[str], filename: str, settings: Settings) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename or ""
        self.settings = settings
        self.parents: dict[ast.AST, ast.AST] = {}
        self.nodes: list[ast.AST] = []
        # The nodes of each type, in the same (pre-)order as `nodes` (see `nodes_of`).
        self._groups: dict[type, list[ast.AST]] = {}
        # `scope_of` per node: the index records those of the names (where `lookup` starts)
        # and of the scope nodes (the scope enclosing each); the others are found from the
        # parents on demand (`_find_scope`) and memoised here.
        self._scope: dict[ast.AST, ast.AST] = {}
        self.bindings: dict[ast.AST, dict[str, list[Binding]]] = {}
        self.imports: dict[ast.AST, dict[str, str]] = {}
        # Memo of qualname() per node: every check asks about the same calls (keyed by id();
        # the tree outlives this context, so ids stay unique).
        self._qualnames: dict[int, str | None] = {}
        # Memo of lookup() per (name, scope).
        self._lookups: dict[tuple[str, int], tuple[str, object] | None] = {}
        # Memo of reaching_value() per name node (keyed by id(), as `_qualnames`).
        self._reaching: dict[int, ast.expr | None] = {}
        self._index()

    # ------------------------------------------------------------------ indexing
    def _index(self) -> None:
        strict = self.settings.strict
        root = self.tree
        bindings = self.bindings
        imports = self.imports
        self._scope[root] = root
        bindings[root] = {}
        imports[root] = {}
        # A sentinel at the bottom: the walk's end (see `node = pop()` below); not None, which
        # a hand-made tree may hold in a list.
        end = _MISSING
        stack: list[object] = [end]
        groups = self._groups
        parents = self.parents
        scope_map = self._scope
        # The scope of the nodes being visited. A scope node pushes the enclosing scope and
        # `_RESTORE` below its children (see `opens` below): once they and their descendants
        # are visited, the marker comes off the stack and the enclosing scope is restored.
        # So each node's scope is known when it is visited, without a map entry per node.
        scope = root
        restore = _RESTORE_SHAPE
        restore_mark = _RESTORE
        attribute_type, name_type = ast.Attribute, ast.Name
        one, many = _ONE, _MANY
        leaf, single, list_, ones, call_plan, assign_plan = _LEAF, _SINGLE, _LIST, _ONES, _CALL, _ASSIGN
        mutators = MUTATORS
        bind = self._bind
        # Per node type, once per file: (its group's append, its child getter and modes in
        # reverse field order, whether it may bind a name, whether it opens a scope, and its
        # shape: which branch below reads its children, `_LEAF`... `_GENERIC`). All but the
        # group's append are the same in every file: `_static_plan`, once per process.
        plans: dict[type, tuple] = {_Restore: (None, None, (), False, False, restore)}
        push = stack.append
        pop = stack.pop
        add_node = self.nodes.append
        node: object = root
        names: list[ast.AST] | None = None
        while node is not end:
            kind = type(node)
            if kind is name_type and names is not None:  # a third of all nodes: a leaf that binds nothing
                add_node(node)
                names.append(node)
                scope_map[node] = scope  # `lookup` asks from names: their scope now
                node = pop()
                continue
            plan = plans.get(kind)
            if plan is None:
                if strict and kind.__name__ not in KNOWN_NODE_TYPES:
                    raise UnknownSyntaxError(kind.__name__)
                group = groups[kind] = []
                if kind is name_type:
                    names = group
                static = _PLANS.get(kind)
                if static is None:
                    static = _PLANS[kind] = _static_plan(kind)
                plan = plans[kind] = (group.append, *static)
            add, getter, modes, binds, opens, shape = plan
            if shape is restore:  # a scope's nodes are done: back to the enclosing scope
                scope = pop()
                node = pop()
                continue
            add_node(node)
            add(node)
            if shape is leaf:  # no child fields (Name, Constant, alias, Pass, ...)
                if binds:
                    bind(node, scope)
                node = pop()
                continue
            # Children of a scope node live in that scope, except what is evaluated in the
            # enclosing scope (decorators, defaults, bases); the simplification that those
            # also map to the inner scope is harmless for name lookups, which walk outward.
            # Pushed in reverse field order, each list reversed: popped in
            # `ast.iter_child_nodes` order, so `nodes` is in pre-order.
            if shape is single:  # one field of one node or None (Attribute, keyword, arg, Expr, ...)
                if binds:
                    bind(node, scope)
                value = getter(node)
                if value is not None:
                    parents[value] = node
                    node = value  # visited next: no push and pop
                else:
                    node = pop()
                continue
            if shape is call_plan:  # the commonest node with children: func, args, keywords
                func = node.func  # type: ignore[attr-defined]
                if type(func) is attribute_type and func.attr in mutators:  # only `x.append(...)` binds
                    bind(node, scope)
                for child in reversed(node.keywords):  # type: ignore[attr-defined]
                    parents[child] = node
                    push(child)
                for child in reversed(node.args):  # type: ignore[attr-defined]
                    parents[child] = node
                    push(child)
                if func is not None:  # (only in a hand-made tree)
                    parents[func] = node
                    node = func
                else:
                    node = pop()
                continue
            if shape is ones:  # only fields of one node or None (Subscript, BinOp, Return, ...)
                if binds:
                    bind(node, scope)
                for value in getter(node):
                    if value is not None:
                        parents[value] = node
                        push(value)
                node = pop()
                continue
            if shape is assign_plan:  # targets, value; `name = value` bound here, no call
                value = node.value  # type: ignore[attr-defined]
                targets = node.targets  # type: ignore[attr-defined]
                if len(targets) == 1 and type(targets[0]) is name_type:
                    target = targets[0]
                    table = bindings[scope]
                    name = target.id
                    found = table.get(name)
                    if found is None:
                        table[name] = [_binding((name, target, value, False, "assign"))]
                    else:
                        found.append(_binding((name, target, value, False, "assign")))
                else:
                    bind(node, scope)
                if value is not None:  # (only in a hand-made tree)
                    parents[value] = node
                    push(value)
                for child in reversed(targets):
                    parents[child] = node
                    push(child)
                node = pop()
                continue
            if binds:
                bind(node, scope)
            if opens:
                scope_map[node] = scope  # a scope node's own scope: the one enclosing it
                push(scope)
                push(restore_mark)
                scope = node
                if node not in bindings:
                    bindings[node] = {}
                if node not in imports:
                    imports[node] = {}
            values = getter(node)
            if shape is list_:  # one list field (Module, Dict's values, JoinedStr, ...)
                for child in reversed(values):
                    parents[child] = node
                    push(child)
                node = pop()
                continue
            for value, mode in zip(values, modes) if len(modes) > 1 else ((values, modes[0]),):
                if mode is one:
                    if value is not None:
                        parents[value] = node
                        push(value)
                elif mode is many:
                    for child in reversed(value):
                        parents[child] = node
                        push(child)
                elif value:  # a list that may hold None (dict ** entries, kw_defaults), or unknown
                    items = value if type(value) is list else [value]
                    for child in reversed(items):
                        if isinstance(child, ast.AST):
                            parents[child] = node
                            push(child)
            node = pop()

    def _add(self, scope: ast.AST, binding: Binding) -> None:
        self.bindings[scope].setdefault(binding.name, []).append(binding)

    def _bind(self, node: ast.AST, scope: ast.AST) -> None:
        kind = type(node)
        if kind is ast.Assign:  # the commonest: `name = value` first, without a worklist
            value = node.value  # type: ignore[attr-defined]
            for target in node.targets:  # type: ignore[attr-defined]
                if type(target) is ast.Name:
                    table = self.bindings[scope]
                    binding = _binding((target.id, target, value, False, "assign"))  # type: ignore[attr-defined]
                    found = table.get(target.id)  # type: ignore[attr-defined]
                    if found is None:
                        table[target.id] = [binding]  # type: ignore[attr-defined]
                    else:
                        found.append(binding)
                else:
                    self._bind_target(target, value, scope, "assign")
                    if type(target) is ast.Subscript and type(target.value) is ast.Name:  # type: ignore[attr-defined]
                        # d[k] = v: the container now also holds v.
                        self._add(scope, _binding((target.value.id, target.value, value, True, "mutate")))  # type: ignore[attr-defined]
            return
        if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            self._add(scope, _binding((node.name, node, None, False, "def")))  # type: ignore[attr-defined]
            self._bind_params(node.args, node)  # type: ignore[attr-defined]
            return
        self._bind_other(node, scope)

    def _bind_other(self, node: ast.AST, scope: ast.AST) -> None:
        """`_bind` for the binding nodes other than assignments and defs, by exact node type
        (the parser makes no subclasses), the commonest first (Django: 3,600 ``from``
        imports, 1,900 classes, 1,800 loops, 1,750 mutator calls, 1,300 comprehensions)."""
        kind = type(node)
        if kind is ast.ImportFrom:
            imports = self.imports[scope]
            base = "." * (node.level or 0) + (node.module or "")  # type: ignore[attr-defined]
            for alias in node.names:  # type: ignore[attr-defined]
                if alias.name == "*":
                    continue
                full = f"{base}.{alias.name}" if base and not base.endswith(".") else base + alias.name
                imports[alias.asname or alias.name] = full
        elif kind is ast.ClassDef:
            self._add(scope, _binding((node.name, node, None, False, "def")))  # type: ignore[attr-defined]
        elif kind is ast.For or kind is ast.comprehension or kind is ast.AsyncFor:
            self._bind_target(node.target, None, scope, "loop")  # type: ignore[attr-defined]
        elif kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            if type(func) is ast.Attribute and func.attr in MUTATORS and type(func.value) is ast.Name:
                # parts.append(x): the list now also holds x (an augmented binding).
                for arg in [*node.args, *(k.value for k in node.keywords)]:  # type: ignore[attr-defined]
                    self._add(scope, _binding((func.value.id, func.value, arg, True, "mutate")))
        elif kind is ast.ExceptHandler:
            if node.name:  # type: ignore[attr-defined]
                self._add(scope, _binding((node.name, node, None, False, "other")))  # type: ignore[attr-defined]
        elif kind is ast.Import:
            imports = self.imports[scope]
            for alias in node.names:  # type: ignore[attr-defined]
                if alias.asname:
                    imports[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    imports[top] = top
        elif kind is ast.AugAssign:
            if type(node.target) is ast.Name:  # type: ignore[attr-defined]
                self._add(scope, _binding((node.target.id, node.target, node.value, True, "aug")))  # type: ignore[attr-defined]
        elif kind is ast.With or kind is ast.AsyncWith:
            for item in node.items:  # type: ignore[attr-defined]
                if item.optional_vars is not None:
                    self._bind_target(item.optional_vars, item.context_expr, scope, "with")
        elif kind is ast.AsyncFunctionDef or kind is ast.FunctionDef:
            self._add(scope, _binding((node.name, node, None, False, "def")))  # type: ignore[attr-defined]
            self._bind_params(node.args, node)  # type: ignore[attr-defined]
        elif kind is ast.Lambda:
            self.bindings.setdefault(node, {})
            self.imports.setdefault(node, {})
            self._bind_params(node.args, node)  # type: ignore[attr-defined]
        elif kind is ast.NamedExpr:
            # PEP 572: the walrus target binds in the enclosing function, not a comprehension.
            self._add(scope, _binding((node.target.id, node.target, node.value, False, "walrus")))  # type: ignore[attr-defined]
        elif kind is ast.AnnAssign:
            if node.value is not None:  # type: ignore[attr-defined]
                self._bind_target(node.target, node.value, scope, "assign")  # type: ignore[attr-defined]
        elif kind is ast.MatchAs or kind is ast.MatchStar:
            if node.name:  # type: ignore[attr-defined]
                self._add(scope, _binding((node.name, node, None, False, "other")))  # type: ignore[attr-defined]
        elif kind is ast.MatchMapping:
            if node.rest:  # type: ignore[attr-defined]
                self._add(scope, _binding((node.rest, node, None, False, "other")))  # type: ignore[attr-defined]
        elif kind is _TYPE_ALIAS:
            if type(node.name) is ast.Name:  # type: ignore[attr-defined]
                self._add(scope, _binding((node.name.id, node.name, None, False, "other")))  # type: ignore[attr-defined]

    def _bind_params(self, args: ast.arguments, func: ast.AST) -> None:
        bindings = self.bindings
        table = bindings.get(func)
        if table is None:
            table = bindings[func] = {}
        if func not in self.imports:
            self.imports[func] = {}
        vararg, kwarg = args.vararg, args.kwarg
        for group in (args.posonlyargs, args.args, args.kwonlyargs, (vararg,) if vararg else (), (kwarg,) if kwarg else ()):
            for arg in group:
                name = arg.arg
                binding = _binding((name, arg, None, False, "param"))
                found = table.get(name)
                if found is None:
                    table[name] = [binding]
                else:
                    found.append(binding)

    def _bind_target(self, target: ast.AST, value: ast.expr | None, scope: ast.AST, kind: str) -> None:
        # Iterative: unpacking targets can nest arbitrarily deep.
        work: list[tuple[ast.AST, ast.expr | None]] = [(target, value)]
        while work:
            tgt, val = work.pop()
            if isinstance(tgt, ast.Name):
                self._add(scope, _binding((tgt.id, tgt, val, False, kind)))
            elif isinstance(tgt, (ast.Tuple, ast.List)):
                pair = (
                    isinstance(val, (ast.Tuple, ast.List))
                    and len(val.elts) == len(tgt.elts)
                    and not any(isinstance(e, ast.Starred) for e in tgt.elts)
                )
                for i, elt in enumerate(tgt.elts):
                    work.append((elt, val.elts[i] if pair else None))
            elif isinstance(tgt, ast.Starred):
                work.append((tgt.value, None))

    @property
    def taint(self) -> "TaintAnalysis":
        """The file's taint analysis, created on first use (see `analysis.taint`)."""
        analysis = self.__dict__.get("_taint")
        if analysis is None:
            from .taint import TaintAnalysis

            analysis = self._taint = TaintAnalysis(self)
        return analysis

    @property
    def comments(self) -> dict[int, str]:
        """Comment text by 1-based line (``"# ..."``, as written), found once, as the
        tokenizer would find it (see `comments_outside_strings`).

        Comment-looking text inside string literals is not a comment and never appears here.
        """
        found = self.__dict__.get("_comments")
        if found is None:
            found = self._comments = comments_outside_strings(
                self.lines, self.nodes_of(ast.Constant, ast.JoinedStr)
            )
        return found

    @property
    def text(self) -> str:
        """The file's source as one string (its `lines` joined), built once per file."""
        found = self.__dict__.get("_text")
        if found is None:
            found = self._text = "".join(self.lines)
        return found

    def close(self) -> None:
        """Drop the index and every memo, once the file's checks are done.

        The taint analysis, the flows and other memos refer back to this context, so without
        this the whole index (a dict entry per node) would wait as a cycle for the host's
        next garbage collection, which would traverse it first; cleared, reference counting
        frees it at once (the taint analysis drops its flows, which refer back to it, too).
        The tree, the lines and the settings stay readable; any other query after this is an
        error (AttributeError or an empty answer)."""
        taint = self.__dict__.get("_taint")
        if taint is not None:
            taint.close()
        keep = {k: self.__dict__[k] for k in ("tree", "lines", "filename", "settings")}
        self.__dict__.clear()
        self.__dict__.update(keep)

    # ------------------------------------------------------------------ structure
    def nodes_of(self, *types: type[ast.AST]) -> list[ast.AST]:
        """The file's nodes of exactly these types (no subclasses), each type's nodes in
        source pre-order, types in the order given: the same nodes ``[n for n in self.nodes if
        type(n) in types]`` selects, without a walk over every node. Never holds expression
        contexts (``ast.Load``...) or operators (``ast.Add``...), which the index leaves out.
        The list returned for a single type is the index's own: do not mutate it."""
        groups = self._groups
        if len(types) == 1:
            return groups.get(types[0], [])
        found: list[ast.AST] = []
        for kind in types:
            found.extend(groups.get(kind, ()))
        return found

    def nodes_near_lines(self, kind: type[ast.AST], lines: set[int]) -> list[ast.AST]:
        """The file's nodes of type `kind` (exactly, as `nodes_of`) that lie in a top-level
        statement spanning one of `lines` (1-based), in `nodes_of` order: a superset of the
        nodes of that type with a token on one of those lines, found without a walk over the
        others. For a check that knows from the text the few lines where what it looks for
        may be spelled, so that its cost follows those lines, not the size of the file.

        Exact because every node of a statement lies within the lines of the top-level
        statement that holds it (from its first decorator to its end), top-level statements
        follow each other in the source, and `nodes_of` lists nodes in pre-order, where each
        statement's nodes are contiguous: grouped into blocks of statements that share no line
        with another block (``a = 1; b = 2`` is one block), the block of each node, found by
        bisection over the blocks' first lines, never decreases along `nodes_of`, so a block's
        nodes are found by bisection too. Only for types that have a position and live inside
        statements (expressions, statements, ``keyword``); not ``arguments``,
        ``comprehension`` and the like (no ``lineno``), the module or ``TypeIgnore``."""
        found = self.nodes_of(kind)
        if not lines or not found:
            return []
        blocks = self.__dict__.get("_blocks")
        if blocks is None:
            blocks = self._blocks = _statement_blocks(self.tree)
        starts, ends = blocks
        if not starts:
            return list(found)

        def block(node: ast.AST) -> int:
            return bisect.bisect_right(starts, node.lineno) - 1  # type: ignore[attr-defined]

        wanted = set()
        for line in lines:
            index = bisect.bisect_right(starts, line) - 1
            if index >= 0 and line <= ends[index]:
                wanted.add(index)
        out: list[ast.AST] = []
        for index in sorted(wanted):
            lo = bisect.bisect_left(found, index, key=block)
            hi = bisect.bisect_right(found, index, lo=lo, key=block)
            out.extend(found[lo:hi])
        return out

    def parent(self, node: ast.AST) -> ast.AST | None:
        """The parent node, or None for the module."""
        return self.parents.get(node)

    def ancestors(self, node: ast.AST) -> Iterator[ast.AST]:
        """Parents of `node`, innermost first, up to and including the module."""
        cur = self.parents.get(node)
        while cur is not None:
            yield cur
            cur = self.parents.get(cur)

    def scope_of(self, node: ast.AST) -> ast.AST:
        """The innermost module, function, lambda or class whose body holds `node`: its
        nearest proper ancestor of `SCOPE_TYPES`, the tree for a node outside every scope
        node or not in the tree. (A def's decorators, defaults and annotations count as its
        own: the simplification is harmless for name lookups, which walk outward.)"""
        found = self._scope.get(node)
        return found if found is not None else self._find_scope(node)

    def _find_scope(self, node: ast.AST) -> ast.AST:
        """`scope_of` for a node the memo lacks: up the parents to the nearest scope node (or
        a node whose scope is known), memoising the answer for the nodes passed on the way,
        so that the next query from the same statement stops after a step or two."""
        parents, scopes, scope_types = self.parents, self._scope, _SCOPE_TYPE_SET
        path = [node]
        cur = parents.get(node)
        while cur is not None:
            if type(cur) in scope_types:
                break
            found = scopes.get(cur)
            if found is not None:
                cur = found
                break
            path.append(cur)
            cur = parents.get(cur)
        else:
            return self.tree  # outside every scope node (a root of another type), or foreign
        for passed in path:
            scopes[passed] = cur
        return cur

    def statement_of(self, node: ast.AST) -> ast.stmt | None:
        """The innermost statement that contains `node` (or `node` itself if a statement)."""
        cur: ast.AST | None = node
        while cur is not None and not isinstance(cur, ast.stmt):
            cur = self.parents.get(cur)
        return cur

    def enclosing_function(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The innermost def (not lambda) containing `node`, or None at module or class level."""
        # Up the scope nodes, not the parents: the index records the scope enclosing each
        # scope node, so past `scope_of` this costs the nesting depth of scopes.
        scopes, root = self._scope, self.tree
        cur = self.scope_of(node)
        while cur is not root:
            if type(cur) in _DEF_TYPES:
                return cur  # type: ignore[return-value]
            cur = scopes.get(cur, root)
        return None

    def enclosing_class(self, node: ast.AST) -> ast.ClassDef | None:
        """The innermost class containing `node`, or None."""
        scopes, root = self._scope, self.tree
        cur = self.scope_of(node)
        while cur is not root:
            if type(cur) is ast.ClassDef:
                return cur  # type: ignore[return-value]
            cur = scopes.get(cur, root)
        return None

    def imports_any(self, modules: tuple[str, ...] | frozenset[str]) -> bool:
        """True when the file imports (anywhere) a module whose top-level package is listed."""
        memo = self.__dict__.get("_imports_any")
        if memo is None:
            memo = self._imports_any = {}
        found = memo.get(modules)
        if found is None:
            tops = self.__dict__.get("_import_tops")
            if tops is None:
                tops = self._import_tops = {q.split(".")[0] for table in self.imports.values() for q in table.values()}
            found = memo[modules] = not tops.isdisjoint(modules)
        return found

    def import_aliases(self, keep: Callable[[str], bool]) -> set[str]:
        """The names an import binds, in any scope of the file, to a qualified name that
        `keep` accepts (``imports[scope][alias] = qualified name``): a new set per call."""
        return {alias for table in self.imports.values() for alias, qn in table.items() if keep(qn)}

    def in_main_guard(self, node: ast.AST) -> bool:
        """True when `node` sits under ``if __name__ == "__main__":``."""
        for anc in self.ancestors(node):
            if isinstance(anc, ast.If) and isinstance(anc.test, ast.Compare):
                test = anc.test
                if (
                    isinstance(test.left, ast.Name)
                    and test.left.id == "__name__"
                    and len(test.comparators) == 1
                    and isinstance(test.comparators[0], ast.Constant)
                    and test.comparators[0].value == "__main__"
                ):
                    return True
        return False

    # ------------------------------------------------------------------ names
    def _scope_chain(self, scope: ast.AST) -> Iterator[ast.AST]:
        """`scope`, then enclosing function scopes outward, then the module.

        Class bodies are skipped for scopes nested in them, as Python does.
        """
        yield scope
        cur = scope
        while cur is not self.tree:
            cur = self._scope.get(cur, self.tree)
            if isinstance(cur, ast.ClassDef):
                continue
            yield cur

    def lookup(self, name: str, at: ast.AST) -> tuple[str, object] | None:
        """Resolve `name` as seen from node `at`.

        Returns ``("import", qualified_name)``, ``("local", [Binding, ...])`` or
        ``("builtin", "builtins.<name>")``; None when the name is bound nowhere.
        """
        # The answer depends only on the name and the scope of `at`: memoised per pair.
        scope = self._scope.get(at)
        if scope is None:
            scope = self._find_scope(at)
        key = (name, id(scope))
        memo = self._lookups
        if key in memo:
            return memo[key]
        found = memo[key] = self._lookup(name, scope)
        return found

    def _lookup(self, name: str, start: ast.AST) -> tuple[str, object] | None:
        for scope in self._scope_chain(start):
            binds = self.bindings.get(scope, {}).get(name)
            imported = self.imports.get(scope, {}).get(name)
            if binds and all(b.kind == "mutate" for b in binds):
                # session["k"] = v or items.append(x) changes an object, it does not rebind
                # the name: an import (flask's session) stays an import.
                if imported is not None:
                    return ("import", imported)
                if scope is not self.tree and not self._bound_outside_mutations(name, scope):
                    continue
            if imported is not None and not binds:
                return ("import", imported)
            if binds:
                return ("local", binds)
        if name in BUILTIN_NAMES:
            return ("builtin", f"builtins.{name}")
        return None

    def _bound_outside_mutations(self, name: str, scope: ast.AST) -> bool:
        return any(b.kind != "mutate" for b in self.bindings.get(scope, {}).get(name, ()))

    def qualname(self, expr: ast.AST | None) -> str | None:
        """The dotted qualified name of a Name/Attribute chain resolved through imports.

        ``sp.call`` -> ``"subprocess.call"`` after ``import subprocess as sp``; ``input`` ->
        ``"builtins.input"``. Returns None when the chain does not start at an import or a
        builtin (a local variable, a call result, a subscript).
        """
        key = id(expr)
        cache = self._qualnames
        if key in cache:
            return cache[key]
        result = cache[key] = self._qualname(expr)
        return result

    def _qualname(self, expr: ast.AST | None) -> str | None:
        parts: list[str] = []
        cur = expr
        while isinstance(cur, ast.Attribute):
            parts.append(cur.attr)
            cur = cur.value
        if not isinstance(cur, ast.Name):
            return None
        found = self.lookup(cur.id, cur)
        if found is None or found[0] == "local":
            return None
        base = str(found[1])
        parts.reverse()
        return ".".join([base, *parts]) if parts else base

    def call_name(self, call: ast.Call) -> str | None:
        """Qualified name of a call's callee; see `qualname`."""
        func = call.func
        found = self._qualnames.get(id(func), _MISSING)
        return self.qualname(func) if found is _MISSING else found  # type: ignore[return-value]

    def instance_of(self, expr: ast.AST) -> str | None:
        """The qualified constructor of the object an expression refers to, if known.

        ``requests.Session()`` -> ``"requests.Session"``; a name bound (once, or last before
        `expr`) to such a call or through ``with requests.Session() as s`` gives the same.
        """
        if isinstance(expr, ast.Call):
            return self.call_name(expr)
        if isinstance(expr, ast.Name):
            value = self.reaching_value(expr)
            if isinstance(value, ast.Call):
                return self.call_name(value)
        return None

    def bindings_of(self, name_node: ast.Name) -> list[Binding]:
        """Local bindings of a name as seen from `name_node` (empty for imports, builtins)."""
        found = self.lookup(name_node.id, name_node)
        if found is None or found[0] != "local":
            return []
        return list(found[1])  # type: ignore[arg-type]

    def reaching_value(self, name_node: ast.Name) -> ast.expr | None:
        """The value a name most plausibly holds at `name_node`.

        The single binding's value if there is one; otherwise, within the same scope, the
        last non-augmented binding located before the use. None when unknown (parameter,
        loop variable, several bindings with none before the use).
        """
        # The answer depends only on the node: memoised per file (rules ask about the same
        # names again and again; ids stay unique while the tree lives).
        memo = self._reaching
        key = id(name_node)
        if key in memo:
            return memo[key]
        binds = self.bindings_of(name_node)
        if not binds:
            found = None
        elif len(binds) == 1:
            # ``KEY = KEY.encode()``: the right-hand ``KEY`` is not its own binding's value.
            found = None if _encloses(binds[0].value, name_node) else binds[0].value
        else:
            plain = [b for b in self.reaching_bindings(name_node) if not b.augmented]
            found = plain[0].value if len(plain) == 1 else None  # several may reach the use
        memo[key] = found
        return found

    def reaching_bindings(self, name_node: ast.Name) -> list[Binding]:
        """The last plain binding before `name_node` plus every augmented binding after it.

        Used to see how a string was built step by step (``q = "..."; q += f"..."``).
        """
        binds = self.bindings_of(name_node)
        pos = (getattr(name_node, "lineno", 0), getattr(name_node, "col_offset", 0))
        before = [b for b in binds if _pos(b.target) < pos and not _encloses(b.value, name_node)]
        # Walk back to the last plain binding that surely runs before the use: one in a branch
        # that does not contain the use (`if bad: x = "/"`) may be skipped, so the binding
        # before it reaches too.
        start = 0
        for i in range(len(before) - 1, -1, -1):
            b = before[i]
            if not b.augmented:
                start = i
                if not self._conditional_for(b.target, name_node):
                    break
        return before[start:]

    def value_bindings(self, name_node: ast.Name) -> list[Binding]:
        """The bindings whose value a name may hold at `name_node`, for constant folding.

        The `reaching_bindings` when one precedes the use; otherwise (a function reading a
        module global bound further down) every binding of the name in its scope, except one
        whose own right-hand side holds the use: in ``KEY = KEY.encode()`` the ``KEY`` on the
        right reads the previous binding (often an import, which has no `Binding`), never the
        value being built. When the name is also imported in that scope and no binding
        precedes the use, the import supplies it: empty (unknown). Empty when nothing known
        supplies the value.
        """
        binds = self.reaching_bindings(name_node)
        if binds:
            return binds
        binds = [b for b in self.bindings_of(name_node) if not _encloses(b.value, name_node)]
        if binds and name_node.id in self.imports.get(self.scope_of(binds[0].target), ()):
            return []
        return binds

    def _conditional_for(self, target: ast.AST, use: ast.AST) -> bool:
        """True when `target` sits in a branch or loop body that does not also hold `use`."""
        use_ancestors = set(map(id, self.ancestors(use)))
        for anc in self.ancestors(target):
            if isinstance(anc, SCOPE_TYPES):
                return False
            if isinstance(anc, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.match_case, ast.ExceptHandler)) and id(anc) not in use_ancestors:
                return True
            if id(anc) in use_ancestors:
                return False
        return False

    # ------------------------------------------------------------------ values
    def const_str(self, expr: ast.AST | None) -> str | None:
        """The string value of `expr` when it is a str/bytes literal or a name bound once to one."""
        for _ in range(20):
            if isinstance(expr, ast.Constant):
                return literal_str(expr)
            if isinstance(expr, ast.Name):
                expr = self.reaching_value(expr)
                continue
            return None
        return None

    def _loop_items(self, target: ast.AST) -> list[ast.AST] | None:
        """What must be constant for a ``for`` (or comprehension) target to be: the iterable
        (``for table, kind in [("a", "x"), ("b", "y")]``), or only the keys of a mapping the
        target takes keys of (``for k in d``, ``d.keys()``, the first name of ``for k, v in
        d.items()``: `_mapping_keys`). None when the loop is not found or the keys are not
        known."""
        node, position = target, None
        loop = self.parents.get(target)
        while loop is not None and type(loop) in (ast.Tuple, ast.List):
            position = loop.elts.index(node) if type(node) is not ast.Starred else -1
            node, loop = loop, self.parents.get(loop)
        if type(loop) not in (ast.For, ast.AsyncFor, ast.comprehension) or loop.target is not node:  # type: ignore[union-attr]
            return None
        source = loop.iter  # type: ignore[union-attr]
        keys = False
        if type(source) is ast.Call and type(source.func) is ast.Attribute and not source.args and source.func.attr in ("keys", "items", "values"):
            method = source.func.attr
            if method == "keys" or (method == "items" and position == 0 and node is not target):
                keys, source = True, source.func.value
            elif method == "values" or method == "items":
                return [source.func.value]
        else:
            direct = self._mapping_keys(source)
            if direct is not None:
                return direct  # iterating a mapping yields its keys
        return self._mapping_keys(source) if keys else [source]

    def _mapping_keys(self, expr: ast.AST, depth: int = 0) -> list[ast.AST] | None:
        """The key expressions of a mapping built here: a dict literal's keys (no ``**``), a
        dict comprehension's key, or through a name every binding of which is one, with
        ``d[k] = v`` adding `k`. None otherwise (another mutation, an unknown value)."""
        if depth > 3:
            return None
        kind = type(expr)
        if kind is ast.Dict:
            keys = expr.keys  # type: ignore[attr-defined]
            return None if any(k is None for k in keys) else list(keys)
        if kind is ast.DictComp:
            return [expr.key]  # type: ignore[attr-defined]
        if kind is not ast.Name:
            return None
        binds = self.bindings_of(expr)  # type: ignore[arg-type]
        if not binds:
            return None
        found: list[ast.AST] = []
        for b in binds:
            if b.kind == "mutate":
                holder = self.parents.get(b.target)
                if type(holder) is not ast.Subscript or holder.value is not b.target:  # type: ignore[union-attr]
                    return None
                found.append(holder.slice)  # type: ignore[union-attr]
                continue
            if b.value is None or b.augmented:
                return None
            inner = self._mapping_keys(b.value, depth + 1)
            if inner is None:
                return None
            found.extend(inner)
        return found

    def is_constant(self, expr: ast.AST | None, *, sanitizers: bool = True) -> bool:
        """True when `expr` cannot carry data from outside the program.

        Constant means: literals; f-strings, ``%``, ``+``, ``.format``, ``.join`` and common
        str methods over constants; containers of constants; names whose reaching binding is
        constant; known-constant attributes (``sys.executable``, `CONSTANT_QUALNAMES`); and,
        when `sanitizers` is True, the result of a sanitizing call (`SANITIZING_CALLS`:
        ``int()``, ``shlex.quote()``, ...; `SANITIZING_METHODS`: ``ops.quote_name()``, ...). Parameters, calls to unknown functions, attributes
        of unknown objects and subscripts of unknown containers are not constant. An item of a
        constant container (``COLUMNS[key]``, ``COLUMNS.get(key, "name")``) is constant, and so
        is a comprehension whose items are (``",".join("?" for _ in ids)``). A loop target is
        constant when what it takes is (`_loop_items`): the items of a constant iterable
        (``for table, kind in [("a", "x")]``) or the keys of a mapping built here from
        constant keys (``for k in d``, ``k`` of ``for k, v in d.items()``, with ``d`` a dict
        literal or a dict comprehension over one: `_mapping_keys`). A name bound to another
        name (``alias = param``) is as constant as that name.

        Iterative with a node budget: a query that exceeds it answers False (unknown).
        """
        if expr is None:
            return False
        budget = _CONSTANT_BUDGET
        seen: set[int] = set()
        work: list[ast.AST] = [expr]
        while work:
            budget -= 1
            if budget < 0:
                return False
            node = work.pop()
            if isinstance(node, ast.Constant):
                continue
            if isinstance(node, ast.JoinedStr):
                work.extend(node.values)
            elif isinstance(node, ast.FormattedValue):
                work.append(node.value)
                if node.format_spec is not None:
                    work.append(node.format_spec)
            elif isinstance(node, ast.BinOp):
                if isinstance(node.op, ast.Mult) and _is_sequence_literal(node.left):
                    work.append(node.left)  # ["?"] * n: the items are constant, n only counts
                elif isinstance(node.op, ast.Mult) and _is_sequence_literal(node.right):
                    work.append(node.right)
                else:
                    work.extend((node.left, node.right))
            elif isinstance(node, ast.UnaryOp):
                work.append(node.operand)
            elif isinstance(node, ast.BoolOp):
                work.extend(node.values)
            elif isinstance(node, ast.Compare):
                work.append(node.left)
                work.extend(node.comparators)
            elif isinstance(node, ast.IfExp):
                work.extend((node.body, node.orelse))
            elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                work.extend(node.elts)
            elif isinstance(node, ast.Starred):
                work.append(node.value)
            elif isinstance(node, ast.Dict):
                work.extend(k for k in node.keys if k is not None)
                work.extend(node.values)
            elif isinstance(node, ast.Name):
                if id(node) in seen:
                    continue
                seen.add(id(node))
                found = self.lookup(node.id, node)
                if found is None:
                    return False
                if found[0] == "import":
                    if found[1] not in CONSTANT_QUALNAMES:
                        return False
                    continue
                if found[0] == "builtin":
                    if node.id in ("__file__", "__name__", "True", "False", "None"):
                        continue
                    return False
                binds = self.value_bindings(node)
                if not binds:
                    return False
                for b in binds:
                    if b.value is None and b.kind == "loop":
                        items = self._loop_items(b.target)
                        if items is None:
                            return False
                        for item in items:
                            if type(item) is ast.Name:
                                work.append(item)
                            elif id(item) not in seen:
                                seen.add(id(item))
                                work.append(item)
                        continue
                    if b.value is None:
                        return False
                    if type(b.value) is ast.Name:
                        work.append(b.value)  # `x = p`: the Name branch dedups names
                        continue
                    if id(b.value) in seen:
                        continue
                    seen.add(id(b.value))
                    work.append(b.value)
            elif isinstance(node, ast.Attribute):
                qn = self.qualname(node)
                if qn in CONSTANT_QUALNAMES:
                    continue
                if node.attr in _PURE_STR_METHODS and qn is None:
                    # e.g. (CONST).parent, Path(CONST).resolve: constant if the base is.
                    work.append(node.value)
                    continue
                return False
            elif isinstance(node, ast.Call):
                qn = self.call_name(node)
                if sanitizers and (
                    qn in SANITIZING_CALLS
                    or (
                        qn is None
                        and isinstance(node.func, ast.Attribute)
                        and (node.func.attr in SANITIZING_METHODS or node.func.attr.startswith("quote_name"))
                    )
                ):
                    continue
                if qn in _PURE_CALLS:
                    work.extend(node.args)
                    work.extend(k.value for k in node.keywords)
                    continue
                if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and qn is None:
                    # CONSTANT_MAPPING.get(key, default): a constant value or the default.
                    work.append(node.func.value)
                    work.extend(node.args[1:])
                    work.extend(k.value for k in node.keywords)
                    continue
                if isinstance(node.func, ast.Attribute) and node.func.attr in _PURE_STR_METHODS and qn is None:
                    work.append(node.func.value)
                    work.extend(node.args)
                    work.extend(k.value for k in node.keywords)
                    continue
                return False
            elif isinstance(node, ast.Subscript):
                # An item of a constant container is constant whatever the key: only
                # values the program wrote can come out of it.
                work.append(node.value)
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
                # ["?" for _ in ids]: the items are constant; only their count is not.
                work.append(node.elt)
            elif isinstance(node, ast.DictComp):
                work.extend((node.key, node.value))
            elif isinstance(node, ast.Slice):
                work.extend(n for n in (node.lower, node.upper, node.step) if n is not None)
            else:
                return False
        return True



# How to find the children of each node type, filled as types are met (see `_child_spec`).
_CHILD_SPECS: dict[type, tuple[object, tuple[object, ...]]] = {}
_ONE, _MANY, _CHECKED = object(), object(), object()
# How `FileContext._index` reads a node type's children: no child fields; one field of one
# node or None; one list field; only fields of one node or None; `ast.Call`; `ast.Assign`;
# any mix (the generic zip over fields).
_LEAF, _SINGLE, _LIST, _ONES, _CALL, _ASSIGN, _GENERIC = (object() for _ in range(7))
# ASDL types that never hold a child node.
_SCALAR_ASDL = frozenset({"identifier", "int", "string", "constant", "object", "bytes"})
# Lists that hold None for a missing element.
_LISTS_WITH_NONE = frozenset({("Dict", "keys"), ("arguments", "kw_defaults")})
# Fields that only ever hold an expression context or an operator (`ctx` of Name, Attribute,
# Subscript, Starred, List, Tuple; `op` of BinOp, UnaryOp, BoolOp, AugAssign; `ops` of
# Compare). CPython's parser hands out one shared instance per context and operator class, so
# they have no parent of their own, no children and no place in any check: indexing them
# was a third of all the nodes visited (Django: 210,000 of 630,000).
_LEAF_FIELDS = frozenset({"ctx", "op", "ops"})


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """The child nodes of `node` in `ast.iter_child_nodes` order, less expression contexts and
    operators (shared singletons that carry no data of their own), as the file index reads
    them (`_child_spec`)."""
    kind = type(node)
    spec = _CHILD_SPECS.get(kind)
    if spec is None:
        spec = _CHILD_SPECS[kind] = _child_spec(kind)
    getter, modes = spec
    if getter is None:
        return []
    values = getter(node)  # type: ignore[operator]
    out: list[ast.AST] = []
    for value, mode in zip(values, modes) if len(modes) > 1 else ((values, modes[0]),):
        if mode is _ONE:
            if value is not None:
                out.append(value)
        elif mode is _MANY:
            out.extend(reversed(value))
        elif value:
            items = value if type(value) is list else [value]
            out.extend(item for item in reversed(items) if isinstance(item, ast.AST))
    out.reverse()  # the spec runs in reverse field order
    return out


def _child_spec(kind: type) -> tuple[object, tuple[object, ...]]:
    """How `FileContext._index` reads the children of a `kind` node: ``(getter, modes)``,
    the getter (`operator.attrgetter`) of the fields that can hold child nodes, in reverse
    field order, and their modes; ``(None, ())`` for a type without such fields.

    Read from the ASDL signature CPython puts in each node class's docstring (``BinOp(expr
    left, operator op, expr right)``): ``T`` is one node or None (`_ONE`), ``T*`` a list of
    nodes (`_MANY`), scalar types (identifier, int, string, constant) hold none, and
    expression contexts and operators are left out (`_LEAF_FIELDS`). A field the signature
    does not describe, and the lists that hold None, are checked item by item (`_CHECKED`).
    """
    declared: dict[str, str] = {}
    head, paren, rest = (kind.__doc__ or "").strip().partition("(")
    signature, closing, _ = rest.partition(")")
    if paren and closing and head.isidentifier():
        for part in signature.split(","):
            words = part.split()
            if len(words) == 2:
                declared[words[1]] = words[0]
    spec: list[tuple[str, object]] = []
    for name in getattr(kind, "_fields", ()):
        if name in _LEAF_FIELDS:
            continue
        asdl = declared.get(name)
        if asdl is None or (kind.__name__, name) in _LISTS_WITH_NONE:
            spec.append((name, _CHECKED))
            continue
        base = asdl.rstrip("*?")
        if base in _SCALAR_ASDL:
            continue
        spec.append((name, _MANY if asdl.endswith("*") else _ONE))
    if not spec:
        return None, ()
    spec.reverse()
    return operator.attrgetter(*(name for name, _ in spec)), tuple(mode for _, mode in spec)
_SCOPE_TYPE_SET = frozenset(SCOPE_TYPES)


def _static_plan(kind: type) -> tuple[object, tuple[object, ...], bool, bool, object]:
    """The part of `FileContext._index`'s plan for a `kind` node that is the same in every
    file: ``(child getter, modes, whether it may bind a name, whether it opens a scope,
    shape)`` (see `_child_spec` and the shapes `_LEAF`... `_GENERIC`). Memoised per type for
    the process in `_PLANS`; the plan adds the file's own group list."""
    spec = _CHILD_SPECS.get(kind)
    if spec is None:
        spec = _CHILD_SPECS[kind] = _child_spec(kind)
    getter, modes = spec
    opens = kind in _SCOPE_TYPE_SET
    if getter is None:
        shape = _LEAF
    elif kind is ast.Call and kind._fields == ("func", "args", "keywords"):
        shape = _CALL
    elif kind is ast.Assign and kind._fields[:2] == ("targets", "value") and modes == (_ONE, _MANY):
        shape = _ASSIGN
    elif opens:
        shape = _GENERIC
    elif len(modes) == 1:
        shape = _SINGLE if modes[0] is _ONE else _LIST if modes[0] is _MANY else _GENERIC
    elif all(mode is _ONE for mode in modes):
        shape = _ONES
    else:
        shape = _GENERIC
    return getter, modes, kind in _BINDING_TYPES, opens, shape


_PLANS: dict[type, tuple[object, tuple[object, ...], bool, bool, object]] = {}
# `ast.TypeAlias` (Python 3.12+), or a type no node has before it.
_TYPE_ALIAS = getattr(ast, "TypeAlias", type("_NoTypeAlias", (), {}))
_DEF_TYPES = frozenset({ast.FunctionDef, ast.AsyncFunctionDef})
_MISSING = object()


class _Restore:
    """The type of `_RESTORE`, the walk's marker below a scope node's children."""

    __slots__ = ()


_RESTORE = _Restore()
_RESTORE_SHAPE = object()  # the plan shape of `_Restore` in `FileContext._index`

# Node types `_bind` handles; anything else binds no name.
_BINDING_TYPES = frozenset(
    t
    for t in (
        ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For, ast.AsyncFor,
        ast.comprehension, ast.With, ast.AsyncWith, ast.FunctionDef, ast.AsyncFunctionDef,
        ast.ClassDef, ast.Lambda, ast.Import, ast.ImportFrom, ast.ExceptHandler, ast.MatchAs,
        ast.MatchStar, ast.MatchMapping, ast.Call, getattr(ast, "TypeAlias", None),
    )
    if t is not None
)


def _encloses(outer: ast.AST | None, inner: ast.AST) -> bool:
    """True when `inner` lies within `outer`'s source span (``q = q.format(x)``: the ``q`` on the
    right is a use of the *previous* binding, not of this one)."""
    if outer is None or not hasattr(outer, "end_lineno"):
        return False
    start = (outer.lineno, outer.col_offset)
    end = (outer.end_lineno or outer.lineno, outer.end_col_offset or 0)
    return start <= _pos(inner) < end


def comments_outside_strings(lines: list[str], strings: list[ast.AST]) -> dict[int, str]:
    """Map 1-based line numbers to their comment (``"# ..."`` up to the line end), found
    without the tokenizer: the first ``#`` of a line that no string literal covers.

    Args:
        lines: the module's source lines, as parsed.
        strings: the module's ``ast.Constant`` and ``ast.JoinedStr`` nodes (any order; non-string
            constants are ignored). Their spans, in UTF-8 byte columns as ``ast`` gives them,
            are where a ``#`` is text, not a comment; outside a string, a ``#`` can only
            start a comment. The same answer as reading COMMENT tokens with `tokenize` for
            source that parses (tests/test_comments.py compares them), at a fraction of the
            cost: the tokenizer takes about 8 ms per 1,000 lines.
    """
    hashed = {number for number, line in enumerate(lines, 1) if "#" in line}
    if not hashed:
        return {}
    # The parts of an f-string (its literal pieces, nested format specs) are inside its own
    # span; from Python 3.12 they have positions of their own, which must not be read alone.
    parts: set[int] = set()
    for node in strings:
        if type(node) is ast.JoinedStr:
            work = list(node.values)
            while work:
                part = work.pop()
                parts.add(id(part))
                spec = getattr(part, "format_spec", None)
                if spec is not None:
                    parts.add(id(spec))
                    work.extend(spec.values)
    covered: dict[int, list[tuple[int, float]]] = {}
    # Comments between the parts of a string spread over lines by implicit concatenation
    # ("a"  # why\n "b"): inside the node's span, so read from that span's own tokens.
    inside: dict[int, str] = {}
    constant_type, text_types = ast.Constant, (str, bytes)
    for node in strings:
        if type(node) is constant_type and not isinstance(node.value, text_types):  # type: ignore[attr-defined]
            continue
        first = getattr(node, "lineno", None)
        last = getattr(node, "end_lineno", None)
        if first is None or last is None:
            continue
        if first == last:  # the common case: a string on one line
            if first in hashed and id(node) not in parts:
                covered.setdefault(first, []).append((node.col_offset, node.end_col_offset))  # type: ignore[attr-defined]
            continue
        if id(node) in parts:
            continue
        start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
        if last - first > 64:  # a long docstring: visit only the lines that hold a '#'
            rows = sorted(n for n in hashed if first <= n <= last)
        else:
            rows = [n for n in range(first, last + 1) if n in hashed]
        for number in rows:
            span = (start if number == first else 0, end if number == last else float("inf"))
            covered.setdefault(number, []).append(span)
        if first < last and any(n < last for n in rows):
            inside.update(_comments_in_span(lines, first, start, last, end))
    out: dict[int, str] = dict(inside)
    for number in sorted(hashed):
        line = lines[number - 1]
        spans = covered.get(number)
        pos = line.find("#")
        while pos != -1:
            if spans:
                col = pos if line.isascii() else len(line[:pos].encode("utf-8"))
                if any(a <= col < b for a, b in spans):
                    pos = line.find("#", pos + 1)
                    continue
            out[number] = line[pos:].rstrip("\r\n")
            break
    return out


def char_col(line: str, byte_col: int) -> int:
    """The character index of a UTF-8 byte column of `line` (``ast`` columns are bytes)."""
    if line.isascii():
        return byte_col
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _comments_in_span(lines: list[str], first: int, start: int, last: int, end: int) -> dict[int, str]:
    """The comments inside one expression's span (1-based lines, byte columns), from the
    tokens of that span alone, in parentheses so that its line breaks and indentation do
    not matter. Empty if the span does not tokenize."""
    text = [lines[first - 1][char_col(lines[first - 1], start):]]
    text.extend(lines[first:last - 1])
    text.append(lines[last - 1][: char_col(lines[last - 1], end)])
    source = "(" + "".join(text) + "\n)\n"
    out: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                out[first + tok.start[0] - 1] = tok.string
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError):
        return {}
    return out


def flatten_add(expr: ast.AST) -> list[ast.AST]:
    """The operands of a chain of ``+`` in source order (``a + b + c`` -> [a, b, c]); iterative,
    so a chain thousands long cannot raise RecursionError."""
    out: list[ast.AST] = []
    work = [expr]
    while work:
        cur = work.pop()
        if isinstance(cur, ast.BinOp) and isinstance(cur.op, ast.Add):
            work.append(cur.right)
            work.append(cur.left)
        else:
            out.append(cur)
    return out


def _is_sequence_literal(node: ast.AST) -> bool:
    return isinstance(node, (ast.List, ast.Tuple)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))
    )


def literal_str(node: ast.AST | None) -> str | None:
    """The text of a str or bytes literal (bytes decoded as latin-1); None for anything else."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return node.value
        if isinstance(node.value, bytes):
            return node.value.decode("latin-1")
    return None

# Methods that return (a form of) the value they are called on, for `operand_name`.
OPERAND_WRAPPERS = frozenset({"strip", "lstrip", "rstrip", "lower", "upper", "casefold", "encode", "decode"})


def dotted(node: ast.AST | None) -> str | None:
    """``name`` or ``name.attr.attr`` for a Name / Attribute chain (as written, imports not
    resolved: see `FileContext.qualname` for that), else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def operand_name(expr: ast.AST | None, *, wrappers: frozenset = OPERAND_WRAPPERS, depth: int = 0) -> str | None:
    """The name an operand stands for, as the rules that judge names read it: ``x``,
    ``obj.x``, ``d["x"]``, ``d.get("x")`` (also ``getlist`` / ``pop`` / ``getone``),
    ``getattr(o, "x")``, WTForms' ``form.x.data``, through `wrappers` methods
    (``x.strip()``) and ``str(x)`` / ``bytes(x)``. None when it has no name."""
    if expr is None or depth > 5:
        return None
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        if expr.attr in ("data", "value") and isinstance(expr.value, ast.Attribute):
            return operand_name(expr.value, wrappers=wrappers, depth=depth + 1)
        return expr.attr
    if isinstance(expr, ast.Subscript):
        return literal_str(expr.slice)
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Attribute):
            if func.attr in ("get", "getlist", "pop", "getone") and expr.args:
                return literal_str(expr.args[0])
            if func.attr in wrappers:
                return operand_name(func.value, wrappers=wrappers, depth=depth + 1)
        if isinstance(func, ast.Name) and func.id == "getattr" and len(expr.args) >= 2:
            return literal_str(expr.args[1])
        if isinstance(func, ast.Name) and func.id in ("str", "bytes") and len(expr.args) == 1:
            return operand_name(expr.args[0], wrappers=wrappers, depth=depth + 1)
    return None


def _pos(node: ast.AST) -> tuple[int, int]:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


def _statement_blocks(tree: ast.AST) -> tuple[list[int], list[int]]:
    """``(first lines, last lines)`` of the blocks of the module's top-level statements (see
    `FileContext.nodes_near_lines`): a statement's first line is that of its first decorator
    when it has one; statements that share a line with the previous one join its block."""
    starts: list[int] = []
    ends: list[int] = []
    for stmt in getattr(tree, "body", ()):
        first = stmt.lineno
        for dec in getattr(stmt, "decorator_list", ()):
            first = min(first, dec.lineno)
        last = stmt.end_lineno if stmt.end_lineno is not None else stmt.lineno
        if ends and first <= ends[-1]:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends
