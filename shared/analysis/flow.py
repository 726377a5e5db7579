"""A per-sink data-flow walker with guard awareness, shared by the file and network rules.

`Flow` follows one expression back through assignments, calls to same-module helpers and
containers, and classifies what reaches the sink as ``source`` / ``member`` (an archive
member name) / ``unknown`` / ``safe``; rules subclass it to add the checks that protect their
sink kind (path confinement for AIS407, host allow-lists for AIS408). Also the dominating
guard tests of a node (`dominating_tests`) and argument helpers (`call_arg`, `keyword`).
"""

from __future__ import annotations

import ast
from typing import Iterator

from .context import FileContext
from .taint import FLOW_EXITS, LOOKUP_METHODS

__all__ = ['Flow', 'PASS_CALLS', 'PASS_METHODS', 'SAFE', 'call_arg', 'class_constant', 'cli_only', 'configured', 'generic_parts', 'keyword', 'reaching', 'subjects', 'param_argument']

# Origins that are the program's own user: the command line and the terminal.
CLI_ORIGINS = frozenset({"sys.argv", "command-line arguments", "input()", "sys.stdin"})


# --- generic flow helpers (shared with AIS408 and AIS414) ----------------------------------
SAFE: tuple[str, list] = ("safe", [])


_RANK = {"safe": 0, "unknown": 1, "member": 2, "source": 3}


_FLIP = {"pos": "neg", "neg": "pos"}


_WEAK = "(past "  # marks origins that reach a sink through a check that does not protect it


_MAX_DEPTH = 12


# Calls that carry their arguments' content into their result.
PASS_CALLS = frozenset(
    {
        "os.path.join", "posixpath.join", "ntpath.join", "os.path.normpath", "os.path.abspath",
        "os.path.realpath", "os.path.expanduser", "os.fspath", "os.fsencode", "os.fsdecode",
        "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath",
        "builtins.str", "builtins.bytes", "builtins.bytearray", "io.BytesIO", "io.StringIO",
        "base64.b64decode", "base64.urlsafe_b64decode", "base64.b64encode", "binascii.unhexlify",
        "bytes.fromhex", "urllib.parse.unquote", "urllib.parse.unquote_plus", "urllib.parse.unquote_to_bytes",
        "zlib.decompress", "gzip.decompress", "codecs.decode",
    }
)


# Methods of str / bytes / paths / mappings whose result carries the receiver's content.
PASS_METHODS = frozenset(
    {
        "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "replace", "encode", "decode",
        "format", "join", "removeprefix", "removesuffix", "get", "getlist", "pop", "resolve",
        "absolute", "joinpath", "with_name", "with_suffix", "with_stem", "expanduser", "read",
        "getvalue", "as_posix", "__truediv__", "split", "rsplit", "partition", "rpartition",
    }
)


# Attributes of an aiohttp web.Request that carry client data; the engine knows the others.
# https://docs.aiohttp.org/en/stable/web_reference.html#request-and-base-request
AIOHTTP_REQUEST_ATTRS = frozenset(
    {"query", "match_info", "rel_url", "post", "multipart", "content", "text", "read", "raw_path"}
)


def rank(verdict: str) -> int:
    return _RANK.get(verdict, 1)


def combine(results: list[tuple[str, list]]) -> tuple[str, list]:
    """The worst verdict of several parts, with the origins of the parts that have it."""
    if not results or all(v == "safe" for v, _ in results):
        return SAFE
    worst = max(rank(v) for v, _ in results)
    verdict = next(v for v, _ in results if rank(v) == worst)
    found = sorted({o for v, origins in results if rank(v) == worst for o in origins})
    return verdict, found


def _pos(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


def body_exits(body: list, depth: int = 0) -> bool:
    """True when a block always leaves: it ends in return / raise / continue / break /
    ``abort()`` / ``sys.exit()``, or in an if / else whose branches both do."""
    if not body or depth > 20:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        func = last.value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name in FLOW_EXITS
    if isinstance(last, ast.If):
        return body_exits(last.body, depth + 1) and body_exits(last.orelse, depth + 1)
    return False


def call_arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    """The argument at `index` or keyword `name`, if present (no unpacking before it)."""
    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((k for k in call.keywords if k.arg == name), None)


def param_argument(func: ast.AST, call: ast.Call, index: int, bound: bool) -> tuple[bool, ast.AST | None]:
    """``(visible, expression)`` passed for parameter `index` of `func` at `call`;
    ``(True, None)`` when the parameter's default is used."""
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    every = [*positional, *args.kwonlyargs]
    if index >= len(every):
        return False, None
    pos = index - (1 if bound else 0)
    if index < len(positional) and 0 <= pos < len(call.args):
        if any(isinstance(a, ast.Starred) for a in call.args[: pos + 1]):
            return False, None
        return True, call.args[pos]
    name = every[index].arg
    found = next((k.value for k in call.keywords if k.arg == name), None)
    if found is not None:
        return True, found
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return False, None
    if index < len(positional):
        has_default = index >= len(positional) - len(args.defaults)
    else:
        k = index - len(positional)
        has_default = k < len(args.kw_defaults) and args.kw_defaults[k] is not None
    return has_default, None


def class_constant(ctx: FileContext, expr: ast.AST) -> str | None:
    """The string a class attribute read through ``self.X`` / ``cls.X`` is bound to in the
    class body, when that is a constant string (``BASE = "https://..."``)."""
    if not (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls")):
        return None
    cls = ctx.enclosing_class(expr)
    if cls is None:
        return None
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        else:
            targets = [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == expr.attr for t in targets) and stmt.value is not None:
            return ctx.const_str(stmt.value)
    return None


class Flow:
    """Where a sink's value comes from, refining the engine's verdict for one sink kind.

    `ctx.taint.judge` answers for a whole expression. This class splits the expression into
    its parts (through variables, joins, string building and the module's callers) so that
    facts the engine does not model can clear or convict a part: checks written as
    ``if a or b: abort()``, canonicalise-then-compare confinement, file objects, aiohttp's
    request attributes, archive member names. It only ever *clears* a value the engine saw as
    untrusted when every part is cleared, and only *raises* a verdict for a concrete reason
    (a weak prefix check, a source the engine does not know).

    Verdicts: "source", "member" (archive member names), "unknown", "safe". Subclasses set
    `kind` and override the hooks `safe_expr`, `parts`, `check`, `weak_check`, `extra_source`.
    """

    kind = "path"
    weak_note = "a check that does not confine it"

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self._memo: dict[int, tuple[str, list]] = {}
        self._active: set = set()

    @classmethod
    def of(cls, ctx: FileContext) -> "Flow":
        """The file's memoised instance of this flow class."""
        key = f"_flow_{cls.__module__}.{cls.__qualname__}"
        flow = ctx.__dict__.get(key)
        if flow is None:
            flow = ctx.__dict__[key] = cls(ctx)
        return flow

    # ---- public
    def judge(self, expr: ast.AST, depth: int = 0) -> tuple[str, list]:
        key = id(expr)
        if key in self._memo:
            return self._memo[key]
        if key in self._active or depth > _MAX_DEPTH:
            return ("unknown", [])
        self._active.add(key)
        try:
            result = self._judge(expr, depth)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    # ---- hooks (overridden per kind)
    def safe_expr(self, expr: ast.AST) -> bool:  # pylint: disable=unused-argument
        """True when this expression is safe for the kind whatever its inputs."""
        return False

    def parts(self, expr: ast.AST) -> list | None:
        """The sub-expressions whose content flows into `expr`; None for a leaf."""
        return generic_parts(self.ctx, expr)

    def check(self, test: ast.AST, target: set) -> str | None:  # pylint: disable=unused-argument
        """Kind-specific guard: "pos" when `test` being true proves a value whose dump is in
        `target` safe, "neg" when `test` being false does; None otherwise."""
        return None

    def weak_check(self, test: ast.AST, target: set) -> tuple[ast.AST, str] | None:  # pylint: disable=unused-argument
        """A check the engine accepts but that does not confine for this kind: the checked
        expression (judged where it is tested) and "pos" when the check passes on true
        ("neg" for ``not in`` / ``!=``); None when `test` is no such check."""
        return None

    def extra_source(self, expr: ast.AST) -> str | None:
        return aiohttp_source(self.ctx, expr)

    def loop_item(self, loop: ast.AST, name: ast.Name) -> tuple[str, list] | None:  # pylint: disable=unused-argument
        """Verdict for a loop variable; None to judge the iterable's content."""
        return None

    # ---- machinery
    def _judge(self, expr: ast.AST, depth: int) -> tuple[str, list]:
        ctx = self.ctx
        if self.safe_expr(expr) or class_constant(ctx, expr) is not None or ctx.is_constant(expr):
            return SAFE
        if isinstance(expr, (ast.Name, ast.Attribute)) and configured(ctx, expr):
            return SAFE
        seen, found = ctx.taint.judge(expr, self.kind)
        if seen == "safe":
            return self._recheck(expr, depth)
        if self.guarded(expr):
            return SAFE
        extra = self.extra_source(expr)
        if extra:
            return ("source", [extra])
        if isinstance(expr, ast.Name):
            local = self._name(expr, depth)
            if local is not None and len(local) == 3:
                return local[0], local[1]  # a parameter judged through all its callers here
            if local is not None and seen == "source" and local[0] != "source":
                steps = reaching(ctx, expr)
                values = [b.value for b in steps if b.kind not in ("param", "loop") and b.value is not None]
                if len(values) == len(steps) and self._sources_cleared(values, depth):
                    return local  # full = join(BASE, name) bound after `if name in LISTING:`
        else:
            sub = self.parts(expr)
            local = None if sub is None else combine([self.judge(p, depth + 1) for p in sub])
            if local is not None and seen == "source" and local[0] != "source" and self._sources_cleared(sub, depth):
                return local  # join(BASE_DIR(), name) after `if name in LISTING:`: the source part was checked
        if local is None:
            return (seen, found)
        if local[0] == "safe":
            return SAFE
        if rank(local[0]) >= rank(seen):
            return local
        return (seen, found)

    def _sources_cleared(self, sub: list, depth: int) -> bool:
        """Every part the engine holds a source for was judged below a source here (a
        dominating check cleared it), and at least one such part exists: the engine's verdict
        on the whole came from those parts, so the parts' verdict stands. When no part is a
        source to the engine, the parts do not account for its verdict, which then stands."""
        ctx = self.ctx
        carried = [p for p in sub if isinstance(p, ast.AST) and ctx.taint.judge(p, self.kind)[0] == "source"]
        return bool(carried) and all(self.judge(p, depth + 1)[0] != "source" for p in carried)

    def _recheck(self, expr: ast.AST, depth: int) -> tuple[str, list]:
        """The engine cleared `expr`: keep that unless one of its variables was cleared only
        by a check that does not protect this kind (then: the value as it was tested)."""
        if isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
            weak = self._weak(expr, depth)
            if weak is not None:
                return weak
        if isinstance(expr, ast.Name):
            # Follow the variable only to find such a check before its binding; any other
            # verdict there is superseded by whatever cleared the variable here.
            if self.guarded(expr):
                return SAFE
            local = self._name(expr, depth)
            if local is not None and rank(local[0]) > rank("unknown") and local[1] and all(_WEAK in o for o in local[1]):
                return local[0], local[1]
            return SAFE
        sub = self.parts(expr)
        if sub:
            verdict, found = combine([self.judge(p, depth + 1) for p in sub])
            if rank(verdict) > rank("unknown"):
                return verdict, found
        return SAFE

    def _name(self, name: ast.Name, depth: int) -> tuple | None:
        ctx = self.ctx
        steps = reaching(ctx, name)
        if not steps:
            return None
        results = []
        for b in steps:
            if b.kind == "param":
                return self._param(b, depth) if len(steps) == 1 else None
            if b.kind == "loop":
                loop = ctx.parent(b.target)
                while loop is not None and not isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
                    loop = ctx.parent(loop)
                if loop is None:
                    return None
                item = self.loop_item(loop, name)  # pylint: disable=assignment-from-none
                results.append(item if item is not None else self.judge(loop.iter, depth + 1))
                continue
            if b.value is None:
                return None
            results.append(self.judge(b.value, depth + 1))
        return combine(results)

    def _param(self, binding, depth: int) -> tuple | None:
        ctx = self.ctx
        func = ctx.parent(ctx.parent(binding.target))
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or ctx.taint.route_kind(func):
            return None
        args = func.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        if binding.target not in every:
            return None
        index = every.index(binding.target)
        calls = ctx.taint.callers(func)
        if not calls:
            return None
        results = []
        for call in calls:
            visible, arg = param_argument(func, call, index, isinstance(call.func, ast.Attribute))
            if not visible:
                return None
            if arg is not None:
                results.append(self.judge(arg, depth + 1))
        verdict, found = combine(results)
        if verdict == "safe" and not (func.name.startswith("_") or ctx.taint.entry_module()):
            return "unknown", [], True  # callers in other modules may pass anything
        if verdict == "source":
            found = [o if " via " in o else f"{o} via {func.name}()" for o in found]
        return verdict, found, True

    # ---- guards
    def guarded(self, expr: ast.AST) -> bool:
        """True when a check that dominates this use proves the value safe."""
        if not isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
            return False
        target = None  # built at the first test: most uses have none (ast.dump is costly)
        for test, where in dominating_tests(self.ctx, expr):
            if target is None:
                target = {ast.dump(expr)}
            polarity = self._polarity(test, target)
            if polarity is not None and _applies(polarity, where):
                return True
        return False

    def _polarity(self, test: ast.AST, target: set, depth: int = 0) -> str | None:
        if depth > 20:
            return None
        own = self.check(test, target)  # pylint: disable=assignment-from-none
        if own is not None:
            return own
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self._polarity(test.operand, target, depth + 1)
            return _FLIP.get(inner) if inner else None
        if isinstance(test, ast.BoolOp):
            found = [self._polarity(v, target, depth + 1) for v in test.values]
            want = "neg" if isinstance(test.op, ast.Or) else "pos"
            return want if want in found else None
        return generic_check(self.ctx, test, target)

    def _weak(self, expr: ast.AST, depth: int) -> tuple[str, list] | None:
        """When the engine cleared `expr` by a check that does not confine for this kind,
        the verdict of the value as tested; None when no such check applies."""
        if not isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
            return None
        target = None  # built at the first test, as in `guarded`
        weak = None
        for test, where in dominating_tests(self.ctx, expr):
            if target is None:
                target = {ast.dump(expr)}
            for part, polarity in _conjuncts(test):
                found = self.weak_check(part, target)  # pylint: disable=assignment-from-none
                if found is None or polarity is None:
                    continue
                checked, atom = found  # pylint: disable=unpacking-non-sequence
                if _applies(polarity if atom == "pos" else _FLIP[polarity], where):
                    weak = checked
            polarity = self._polarity(test, target)
            if polarity is not None and _applies(polarity, where):
                return None
        if weak is None:
            return None
        seen, found = self.judge(weak, depth + 1)
        if seen == "safe":
            return None
        return seen, [o if _WEAK in o else f"{o} {_WEAK}{self.weak_note})" for o in found]


def _applies(polarity: str, where: str) -> bool:
    """Whether a check of this polarity protects code at `where` relative to its ``if``."""
    if polarity == "pos":
        return where in ("body", "after-else-exits")
    return polarity == "neg" and where in ("orelse", "after")


def _conjuncts(test: ast.AST, depth: int = 0) -> Iterator[tuple[ast.AST, str | None]]:
    """The atomic checks of a test, each with its polarity at the top: "pos" when the test
    being true implies the check passed, "neg" when the test being false does, None when
    neither follows."""
    if depth > 20:
        return
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        for part, pol in _conjuncts(test.operand, depth + 1):
            yield part, _FLIP.get(pol) if pol else None
        return
    if isinstance(test, ast.BoolOp):
        keep = "pos" if isinstance(test.op, ast.And) else "neg"
        for value in test.values:
            for part, pol in _conjuncts(value, depth + 1):
                yield part, pol if pol == keep else None
        return
    yield test, "pos"


def dominating_tests(ctx: FileContext, node: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """``(if test, where)`` for each ``if`` that decides whether `node` runs.

    where: "body" / "orelse" when `node` is inside that branch; "after" when the ``if``
    precedes `node` in an enclosing block and its body always exits; "after-else-exits" when
    its else branch always exits. An ``assert`` and a raising check (`statement_checks`)
    before `node` in an enclosing block count as "body". Stops at the enclosing function.
    """
    stmt = ctx.statement_of(node)
    child: ast.AST | None = stmt
    while child is not None:
        parent = ctx.parent(child)
        if parent is None:
            return
        if isinstance(parent, ast.If) and child in parent.body:
            yield parent.test, "body"
        elif isinstance(parent, ast.If) and child in parent.orelse:
            yield parent.test, "orelse"
        for field in ("body", "orelse", "finalbody"):
            block = getattr(parent, field, None)
            if isinstance(block, list) and child in block:
                for prev in block[: block.index(child)]:
                    if isinstance(prev, ast.If):
                        if body_exits(prev.body):
                            yield prev.test, "after"
                        if body_exits(prev.orelse):
                            yield prev.test, "after-else-exits"
                    elif isinstance(prev, ast.Assert):
                        yield prev.test, "body"
                    else:
                        for call in statement_checks(prev):
                            yield call, "body"
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.Module)):
            return
        child = parent


# Verbs of a function called for its exception: ``validate_inside_directory(base, path)``,
# ``ensure_safe_url(url)`` as a statement raise when the value fails, so the statements after
# the call run only for a value that passed. ``Path.relative_to`` raises ValueError for a
# path outside its argument (https://docs.python.org/3/library/pathlib.html#pathlib.PurePath.relative_to).
_RAISING_VERBS = frozenset({"validate", "ensure", "assert", "require", "check", "verify"})


def _raising_check(stmt: ast.AST) -> ast.Call | None:
    """The call of an expression statement (also awaited) whose name says it raises when a
    value fails (`_RAISING_VERBS`, or ``relative_to``), or None."""
    if not isinstance(stmt, ast.Expr):
        return None
    call = stmt.value.value if isinstance(stmt.value, ast.Await) else stmt.value
    if not isinstance(call, ast.Call):
        return None
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    if name == "relative_to":
        return call
    words = [w for w in name.lower().split("_") if w]
    return call if words and words[0] in _RAISING_VERBS else None


def statement_checks(stmt: ast.AST) -> Iterator[ast.Call]:
    """The checks a statement makes for the statements after it: a raising check called as a
    statement (`_raising_check`), or such calls in the body of a ``try`` whose every handler
    leaves (``try: validate(base, path) except ValueError: raise HTTPException(403)``)."""
    call = _raising_check(stmt)
    if call is not None:
        yield call
        return
    if isinstance(stmt, ast.Try) and stmt.handlers and all(body_exits(h.body) for h in stmt.handlers):
        for inner in stmt.body:
            call = _raising_check(inner)
            if call is not None:
                yield call


def reaching(ctx: FileContext, name: ast.Name) -> list:
    """The bindings of `name` that may reach this use: the last one that dominates it (or
    the first) and every later one before the use (branches, ``+=``, ``.append``)."""
    binds = ctx.bindings_of(name)
    if not binds:
        return []
    if len(binds) == 1:
        return binds
    here = _pos(name)
    before = [b for b in binds if _pos(b.target) < here and not _inside(ctx, name, b.value)]
    if not before:
        return binds
    start = 0
    for i, b in enumerate(before):
        if not b.augmented and _dominates(ctx, b.target, name):
            start = i
    return before[start:]


def _inside(ctx: FileContext, node: ast.AST, container: ast.AST | None) -> bool:
    if container is None:
        return False
    return any(anc is container for anc in ctx.ancestors(node)) or node is container


def _dominates(ctx: FileContext, target: ast.AST, use: ast.AST) -> bool:
    """True when the statement binding `target` runs on every path to `use` (same block,
    earlier; or a with / for statement that contains the use)."""
    stmt = ctx.statement_of(target)
    if stmt is None:
        return False
    if any(anc is stmt for anc in ctx.ancestors(use)):
        return True
    parent = ctx.parent(stmt)
    for field in ("body", "orelse", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list) and stmt in block:
            later = block[block.index(stmt) + 1:]
            return any(s is use or any(anc is s for anc in ctx.ancestors(use)) for s in later)
    return False


def generic_parts(ctx: FileContext, expr: ast.AST) -> list | None:
    """Sub-expressions whose content flows into `expr`; None for a leaf."""
    if isinstance(expr, ast.BinOp):
        return [expr.left, expr.right]
    if isinstance(expr, ast.JoinedStr):
        return [v.value for v in expr.values if isinstance(v, ast.FormattedValue)]
    if isinstance(expr, ast.IfExp):
        return [expr.body, expr.orelse]
    if isinstance(expr, ast.BoolOp):
        return list(expr.values)
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
        return list(expr.elts)
    if isinstance(expr, (ast.Starred, ast.Await)):
        return [expr.value]
    if isinstance(expr, ast.Subscript):
        return [expr.value]
    if isinstance(expr, ast.NamedExpr):
        return [expr.value]
    if isinstance(expr, ast.Attribute):
        if isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls"):
            return None
        if ctx.qualname(expr) is not None:
            return None  # request.args, sys.argv: the engine knows these chains
        return [expr.value]
    if isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        args = [a for a in expr.args] + [k.value for k in expr.keywords]
        if qn in PASS_CALLS:
            return args
        if qn is None and isinstance(expr.func, ast.Attribute) and expr.func.attr in PASS_METHODS:
            if isinstance(expr.func.value, ast.Name) and expr.func.value.id in ("self", "cls"):
                return None
            if expr.func.attr in LOOKUP_METHODS and not expr.keywords and 0 < len(expr.args) <= 2:
                # `mapping.get(key, default)`: an entry or the default; the key only picks one.
                return [expr.func.value, *expr.args[1:]]
            return [expr.func.value, *args]
    return None


def subjects(ctx: FileContext, expr: ast.AST, through: frozenset = frozenset(), depth: int = 0) -> set:
    """Dumps of the expressions a checked expression stands for: itself, and through
    single-binding names and the calls in `through` (qualified names, or ``.method`` names),
    what it was computed from (``parsed = urlparse(url)``: a check on ``parsed`` checks
    ``url``)."""
    out = {ast.dump(expr)}
    if depth > 4:
        return out
    if isinstance(expr, ast.Name):
        binds = ctx.bindings_of(expr)
        if len(binds) == 1 and binds[0].value is not None:
            out |= subjects(ctx, binds[0].value, through, depth + 1)
        elif binds:
            value = ctx.reaching_value(expr)
            if value is not None:
                out |= subjects(ctx, value, through, depth + 1)
    elif isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        method = f".{expr.func.attr}" if isinstance(expr.func, ast.Attribute) else None
        if qn in through and expr.args:
            out |= subjects(ctx, expr.args[0], through, depth + 1)
        elif qn is None and method in through:
            out |= subjects(ctx, expr.func.value, through, depth + 1)
    elif isinstance(expr, ast.BoolOp):
        for v in expr.values:
            out |= subjects(ctx, v, through, depth + 1)
    elif isinstance(expr, ast.Await):
        out |= subjects(ctx, expr.value, through, depth + 1)
    return out


# Values the program computes from its own location and configuration.
_CONFIG_CALLS = frozenset(
    {
        "pathlib.Path", "pathlib.PurePath", "os.path.join", "os.path.dirname", "os.path.abspath",
        "os.path.realpath", "os.path.normpath", "os.path.expanduser", "os.getcwd", "builtins.str",
        "os.fspath", "flask.Flask", "quart.Quart", "fastapi.FastAPI", "starlette.applications.Starlette",
    }
)


_CONFIG_METHODS = frozenset({"with_name", "with_suffix", "with_stem", "joinpath", "resolve", "absolute", "expanduser"})


def configured(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """True for a value the program derives from its own files and settings: constants,
    ``__file__``, imported settings objects, the application object, module-level names
    bound to such values, and path arithmetic over them (``Path(__file__).parent / "x"``,
    ``os.path.join(app.root_path, "downloads")``). The engine must see no input in it."""
    if depth == 0:
        # The syntactic test first: it needs no taint query and rejects most values.
        return _configured(ctx, expr, 0) and not ctx.taint.of(expr)
    return _configured(ctx, expr, depth)


def _configured(ctx: FileContext, expr: ast.AST, depth: int) -> bool:
    """`configured` without its taint query: the value's syntax and bindings only."""
    if depth > 6:
        return False
    if ctx.is_constant(expr):
        return True
    if isinstance(expr, ast.Name):
        if expr.id == "__file__":
            return True
        found = ctx.lookup(expr.id, expr)
        if found is None or found[0] == "builtin":
            return False
        if found[0] == "import":
            return True
        binds = found[1]
        return all(
            b.kind == "assign" and ctx.scope_of(b.target) is ctx.tree and b.value is not None
            and _configured(ctx, b.value, depth + 1)
            for b in binds
        )
    if isinstance(expr, ast.Attribute):
        return _configured(ctx, expr.value, depth + 1)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Div)):
        return _configured(ctx, expr.left, depth + 1) and _configured(ctx, expr.right, depth + 1)
    if isinstance(expr, ast.JoinedStr):
        return all(_configured(ctx, v.value, depth + 1) for v in expr.values if isinstance(v, ast.FormattedValue))
    if isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        method = isinstance(expr.func, ast.Attribute) and expr.func.attr in _CONFIG_METHODS and qn is None
        if qn in _CONFIG_CALLS or method:
            args = [*expr.args, *(k.value for k in expr.keywords)]
            if method:
                args.append(expr.func.value)
            return all(_configured(ctx, a, depth + 1) for a in args)
    return False


def clean_collection(ctx: FileContext, expr: ast.AST) -> bool:
    """A collection the program built (constants, a directory listing, settings): the engine
    sees no source or parameter in it."""
    if ctx.is_constant(expr, sanitizers=False):
        return True
    return not ctx.taint.of(expr)


def generic_check(ctx: FileContext, test: ast.AST, target: set) -> str | None:
    """Membership in a collection the program built: ``x in os.listdir(DIR)``,
    ``x not in ALLOWED`` (also on derived values the engine does not split)."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn)):
        if subjects(ctx, test.left) & target and clean_collection(ctx, test.comparators[0]):
            return "pos" if isinstance(test.ops[0], ast.In) else "neg"
    return None


_READERS = frozenset({"post", "text", "read", "multipart", "json"})


_GETTERS = frozenset({"get", "getone", "getall", "get_all"})


def aiohttp_source(ctx: FileContext, expr: ast.AST) -> str | None:
    """``request.query`` / ``request.match_info`` / ... on an aiohttp request object."""
    node = expr
    while isinstance(node, (ast.Subscript, ast.Call, ast.Await)):
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Attribute) or node.func.attr not in _READERS | _GETTERS:
                return None
            node = node.func if node.func.attr in _READERS else node.func.value
        else:
            node = node.value
    if isinstance(node, ast.Attribute) and node.attr in AIOHTTP_REQUEST_ATTRS and isinstance(node.value, ast.Name):
        if any(lab.kind == "request" for lab in ctx.taint.of(node.value)):
            return f"request.{node.attr}"
    return None


def cli_only(found: list) -> bool:
    """True when every origin is the program's own command line or terminal: its user
    already has the program's access, unless the program runs with more (sudo, setuid).
    An origin is read without its notes: the helper it came through (``... via f()``) and a
    check that did not protect it (``sys.argv (past a check ...)``)."""
    return bool(found) and all(o.split(" via ", 1)[0].split(" " + _WEAK, 1)[0] in CLI_ORIGINS for o in found)
