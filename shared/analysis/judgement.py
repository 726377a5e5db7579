"""Judging values bound for web sinks (templates, HTML, redirects, headers, the session).

`judge(ctx, expr, kind)` combines the taint verdict with WSGI ``environ`` origins and the
validation a web handler applies before the sink: validator calls, allow-list and equality
checks, character-class predicates and early exits (`validated`, `guarded_at`). Also the
decomposition of built strings lives in `strings` and is re-exported here for the web rules.
"""

from __future__ import annotations

import ast

from .context import FileContext
from .frameworks import REQUEST_NAMES, SESSION_QUALNAMES
from .taint import FLOW_EXITS, REQUEST_ATTRS, own_nodes, tainted_for
from .words import split_words

__all__ = ['describe', 'from_params', 'is_check_of', 'is_session', 'judge', 'rereadable', 'roots', 'session_read']

# Words of a function name that make it a validator: ``is_safe_url``, ``_is_local_path``,
# ``validate_target``, ``url_has_allowed_host_and_scheme``.
VALIDATOR_WORDS = frozenset(
    {
        "safe", "allowed", "allow", "valid", "validate", "validated", "trusted", "permitted",
        "whitelisted", "allowlisted", "whitelist", "allowlist", "local", "relative", "internal",
        "known", "verify", "verified", "ensure", "check",
    }
)


# Words of a function called as a statement (``validate_role(role)``) that raise when invalid.
RAISING_VALIDATOR_WORDS = frozenset({"validate", "verify", "ensure"})


# Calls that end the request (the code after them does not run).
EXIT_CALLS = FLOW_EXITS


# Parts of a parsed URL that name the host (urllib.parse.urlsplit / urlparse results).
HOST_ATTRS = frozenset({"netloc", "hostname", "host"})


_CHAR_CLASS_METHODS = frozenset({"isdigit", "isdecimal", "isnumeric", "isalnum", "isalpha", "isidentifier"})


_SCALARS = frozenset({"int", "float", "bool"})


_MAX_DEPTH = 5


def judge(ctx: FileContext, expr: ast.AST, kind: str) -> tuple[str, list[str]]:
    """The engine's ``(verdict, origins)`` for a value at a sink of `kind`, refined by the
    validation shapes above."""
    seen, found = ctx.taint.judge(expr, kind)
    if seen == "source" and _helper_parameters_only(ctx, expr, found):
        return "unknown", []
    if seen == "source" and validated(ctx, expr, kind):
        return "safe", []
    if seen == "unknown":
        extra = _wsgi_origins(ctx, expr, kind)
        if extra:
            return "source", extra
    return seen, found


def from_params(ctx: FileContext, expr: ast.AST, kind: str) -> list[str]:
    """For an unknown value, the function parameters it comes from (``["parameter 'url'"]``);
    empty when it is only computed by the program (a database row, ``url_for()``)."""
    return sorted({lab.origin for lab in tainted_for(ctx.taint.of(expr), kind) if lab.kind == "param"})


def describe(origins: list[str], fallback: str) -> str:
    """Origins for a message: ``"request.args, model output"``."""
    return ", ".join(origins) if origins else fallback


def _helper_parameters_only(ctx: FileContext, expr: ast.AST, found: list[str]) -> bool:
    """Origins that are only "route parameters" of a function the engine took for a Django
    view because its first parameter is ``request``, but that is a helper: private, or
    returning no response (``login(request, user, backend)``)."""
    if not found or not all(o.startswith("route parameter ") and " via " not in o for o in found):
        return False
    func = ctx.enclosing_function(expr)
    if func is None or ctx.taint.route_kind(func) != "django" or func.decorator_list:
        return False
    if func.name.startswith("_"):
        return True
    return not any(isinstance(n, ast.Return) and n.value is not None for n in own_nodes(func))


def _wsgi_origins(ctx: FileContext, expr: ast.AST, kind: str) -> list[str]:
    """A WSGI application's ``environ`` (PEP 3333) carries the raw request."""
    for lab in tainted_for(ctx.taint.of(expr), kind):
        if lab.kind == "param" and lab.origin == "parameter 'environ'":
            func = ctx.enclosing_function(expr)
            if func is not None and "start_response" in {a.arg for a in func.args.args}:
                return ["WSGI environ"]
    return []


def validated(ctx: FileContext, expr: ast.AST, kind: str, depth: int = 0) -> bool:
    """True when every untrusted part of `expr` passed a check the engine does not model."""
    if depth > _MAX_DEPTH:
        return False
    if guarded_at(ctx, expr, _tainted_names(ctx, expr, kind), kind, expr if rereadable(expr) else None):
        return True
    if isinstance(expr, ast.IfExp):
        return _ifexp_ok(ctx, expr, kind, depth)
    if isinstance(expr, ast.Name):
        binds = ctx.bindings_of(expr)
        if len(binds) == 1:
            single = binds[0].kind in ("assign", "walrus") and binds[0].value is not None
            return single and validated(ctx, binds[0].value, kind, depth + 1)  # type: ignore[arg-type]
        return _bindings_ok(ctx, expr, kind, depth)
    if isinstance(expr, ast.Call):
        if _converted_get(expr):
            return True
        target = ctx.taint.local_function(expr.func)
        return target is not None and _returns_ok(ctx, target, kind, depth)
    parts = _operands(expr)
    if parts is None:
        return False
    return all(ctx.taint.judge(p, kind)[0] != "source" or validated(ctx, p, kind, depth + 1) for p in parts)


def _bindings_ok(ctx: FileContext, name: ast.Name, kind: str, depth: int) -> bool:
    """A name bound more than once (``url = request.GET["next"]`` then ``url = url if
    safe(url) else "/"``, or ``next_page = "/"`` then ``if safe: next_page = target``):
    validated when every assignment that may reach the use (`FileContext.reaching_bindings`)
    stores a value that is not untrusted or is validated where it is stored. A binding of
    another kind (a parameter, a loop target) or an unknown value is not judged."""
    steps = ctx.reaching_bindings(name)
    if not steps:
        return False
    for step in steps:
        value = step.value
        if value is None or step.kind not in ("assign", "walrus", "aug"):
            return False
        if ctx.taint.judge(value, kind)[0] == "source" and not validated(ctx, value, kind, depth + 1):
            return False
    return True


# Methods that read a request's data without changing it: two spellings of the same read
# (``request.GET.get("next")``) give the same value.
_READ_METHODS = frozenset({"get", "getlist", "getone", "get_all"})


def rereadable(expr: ast.AST, limit: int = 8) -> bool:
    """An expression that reads the same value each time it is evaluated within a request:
    a chain of attributes, constant subscripts and ``.get(<constants>)`` calls on a name that
    passes through the request's data (an attribute of `REQUEST_ATTRS`:
    ``self.request.GET.get("next")``, ``request.args["next"]``), which no code changes while
    the request is handled. A check of one spelling then proves another spelling of the same
    chain (the guard and the sink re-read it)."""
    node = expr
    data = False
    for _ in range(limit):
        if isinstance(node, ast.Name):
            return data
        if isinstance(node, ast.Attribute):
            data = data or node.attr in REQUEST_ATTRS
            node = node.value
        elif isinstance(node, ast.Subscript):
            if not isinstance(node.slice, ast.Constant):
                return False
            node = node.value
        elif isinstance(node, ast.Call):
            func = node.func
            if node.keywords or not isinstance(func, ast.Attribute) or func.attr not in _READ_METHODS:
                return False
            if not all(isinstance(a, ast.Constant) for a in node.args):
                return False
            node = func.value
        else:
            return False
    return False


def _operands(expr: ast.AST) -> list[ast.AST] | None:
    """The parts a container or a string-building expression is made of."""
    if isinstance(expr, ast.Dict):
        return [k for k in expr.keys if k is not None] + list(expr.values)
    if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
        return list(expr.elts)
    if isinstance(expr, ast.JoinedStr):
        return [v.value for v in expr.values if isinstance(v, ast.FormattedValue)]
    if isinstance(expr, ast.BinOp):
        return [expr.left, expr.right]
    if isinstance(expr, ast.BoolOp):
        return list(expr.values)
    return None


def _converted_get(call: ast.Call) -> bool:
    """``request.args.get("page", 1, type=int)``: Werkzeug's MultiDict.get converts the value
    (https://werkzeug.palletsprojects.com/en/stable/datastructures/#werkzeug.datastructures.MultiDict.get)."""
    return (
        isinstance(call.func, ast.Attribute)
        and call.func.attr in ("get", "getlist")
        and any(k.arg == "type" and isinstance(k.value, ast.Name) and k.value.id in _SCALARS for k in call.keywords)
    )


def _ifexp_ok(ctx: FileContext, expr: ast.IfExp, kind: str, depth: int) -> bool:
    """``value if check(value) else default`` (or the negated form) with a safe default."""
    for value, other, positive in ((expr.body, expr.orelse, True), (expr.orelse, expr.body, False)):
        if ctx.taint.judge(other, kind)[0] == "source" and not validated(ctx, other, kind, depth + 1):
            continue
        if ctx.taint.judge(value, kind)[0] != "source":
            return True
        if _tests(ctx, expr.test, _Checked(value, _tainted_names(ctx, value, kind)), kind, positive):
            return True
    return False


def _returns_ok(ctx: FileContext, func: ast.AST, kind: str, depth: int) -> bool:
    """Every return of a same-module helper is safe or validated where it returns."""
    returns = [n.value for n in own_nodes(func) if isinstance(n, ast.Return) and n.value is not None]
    return bool(returns) and all(
        ctx.taint.judge(r, kind)[0] != "source" or validated(ctx, r, kind, depth + 1) for r in returns
    )


def _tainted_names(ctx: FileContext, expr: ast.AST, kind: str) -> set[str]:
    """Local names in `expr` that carry untrusted input to this sink."""
    out = set()
    for node in ast.walk(expr):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in out:
            found = ctx.lookup(node.id, node)
            if found is not None and found[0] == "local" and ctx.taint.judge(node, kind)[0] == "source":
                out.add(node.id)
    return out


def roots(ctx: FileContext, expr: ast.AST, depth: int = 2) -> set[str]:
    """Local names an expression is computed from, followed through single assignments
    (``parsed = urlparse(url)``: ``parsed.hostname`` has roots parsed and url)."""
    out: set[str] = set()
    work = [(expr, 0)]
    while work:
        node, level = work.pop()
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in out:
                found = ctx.lookup(sub.id, sub)
                if found is None or found[0] != "local":
                    continue
                out.add(sub.id)
                binds = found[1]
                if level < depth and len(binds) == 1 and binds[0].value is not None:  # type: ignore[arg-type]
                    work.append((binds[0].value, level + 1))  # type: ignore[index]
    return out


def _same(a: ast.AST, b: ast.AST, limit: int = 200) -> bool:
    """Structural equality of two small expressions (``ast.dump`` recurses: keep it small)."""
    for tree in (a, b):
        for count, _node in enumerate(ast.walk(tree)):
            if count > limit:
                return False
    return ast.dump(a) == ast.dump(b)


class _Checked:
    """What a test must be about: the value itself, or every untrusted name in it."""

    __slots__ = ("value", "names")

    def __init__(self, value: ast.AST | None, names: set[str]) -> None:
        self.value = value
        self.names = names

    def covered_by(self, ctx: FileContext, tested: ast.AST) -> bool:
        """Whether a check of `tested` is a check of this value."""
        if self.value is not None and _same(tested, self.value):
            return True
        return bool(self.names) and self.names <= roots(ctx, tested)


def _tests(ctx: FileContext, test: ast.AST, checked: _Checked, kind: str, positive: bool) -> bool:
    """True when `test` evaluating to `positive` proves the checked value safe."""
    for _ in range(20):
        if not (isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)):
            break
        test, positive = test.operand, not positive
    if isinstance(test, ast.Name):
        if not positive and test.id in checked.names:
            return True  # a falsy value ("" or None) carries nothing
        return _flag_proves(ctx, test, checked, kind, positive)
    if isinstance(test, ast.BoolOp):
        results = (_tests(ctx, v, checked, kind, positive) for v in test.values)
        # `a and b` true, or `a or b` false: each part holds, one check suffices.
        return any(results) if isinstance(test.op, ast.And) == positive else all(results)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _compare_proves(ctx, test, checked, kind, positive)
    if isinstance(test, ast.Call) and positive:
        return _call_proves(ctx, test, checked)
    return False


def _flag_proves(ctx: FileContext, flag: ast.Name, checked: _Checked, kind: str, positive: bool) -> bool:
    """``ok = url_has_allowed_host_and_scheme(url, ...)`` then ``if ok:``: a name bound once,
    to a check (a call or a comparison, not another name), tests what that check tests."""
    binds = ctx.bindings_of(flag)
    if len(binds) != 1 or binds[0].kind not in ("assign", "walrus"):
        return False
    value = binds[0].value
    if not isinstance(value, (ast.Call, ast.Compare, ast.BoolOp, ast.UnaryOp)):
        return False
    return _tests(ctx, value, checked, kind, positive)


def _compare_proves(ctx: FileContext, test: ast.Compare, checked: _Checked, kind: str, positive: bool) -> bool:
    """``x in ALLOWED``, ``x == "a"``, ``urlparse(x).hostname in HOSTS`` (or their negations)."""
    op, left, right = test.ops[0], test.left, test.comparators[0]
    if not isinstance(op, (ast.In, ast.NotIn, ast.Eq, ast.NotEq)) or isinstance(op, (ast.In, ast.Eq)) != positive:
        return False
    if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Constant) and isinstance(right.value, str):
        return False  # a substring test, not an allow-list
    if isinstance(left, ast.Attribute) and (left.attr == "scheme" or (kind == "url" and left.attr not in HOST_ATTRS)):
        return False  # the scheme (or another URL part) says nothing about the host
    if checked.names & roots(ctx, right, depth=0):
        return False  # compared with input: no allow-list
    if ctx.taint.judge(right, kind)[0] == "source" and not (isinstance(op, (ast.In, ast.NotIn)) and session_read(ctx, right)):
        return False
    return checked.covered_by(ctx, left)


def is_session(ctx: FileContext, expr: ast.AST) -> bool:
    """``session`` (Flask, Quart: `SESSION_QUALNAMES`) or ``request.session`` /
    ``self.request.session`` (Django, Starlette)."""
    if ctx.qualname(expr) in SESSION_QUALNAMES:
        return True
    if isinstance(expr, ast.Attribute) and expr.attr == "session":
        base = expr.value
        if isinstance(base, ast.Name) and base.id in REQUEST_NAMES:
            return True
        return isinstance(base, ast.Attribute) and base.attr == "request" and isinstance(base.value, ast.Name) and base.value.id == "self"
    return False


def session_read(ctx: FileContext, expr: ast.AST) -> bool:
    """A container read from the server-side session (``request.session.get("carts", {})``,
    ``session["carts"]``, the session itself). Its keys and items were written by the server
    for this session (an unchecked write of input into it is a finding of its own, AIS415), so
    membership in it is an allow-list (``if cart_id in request.session.get("carts", {}):``)."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("get", "setdefault"):
        expr = expr.func.value
    elif isinstance(expr, ast.Subscript):
        expr = expr.value
    return is_session(ctx, expr)


def _call_proves(ctx: FileContext, test: ast.Call, checked: _Checked) -> bool:
    """``PATTERN.fullmatch(x)``, ``x.isdigit()``, ``isinstance(x, int)``, ``is_safe_url(x)``."""
    func = test.func
    name = ctx.call_name(test) or ""
    tail = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in ("re.fullmatch", "re.match") and len(test.args) >= 2:
        return checked.covered_by(ctx, test.args[1])
    if tail == "fullmatch" and test.args:
        return checked.covered_by(ctx, test.args[0])
    if tail in _CHAR_CLASS_METHODS and isinstance(func, ast.Attribute):
        return checked.covered_by(ctx, func.value)
    if name == "builtins.isinstance" and len(test.args) == 2:
        kinds = test.args[1]
        elts = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
        return all(isinstance(e, ast.Name) and e.id in _SCALARS for e in elts) and checked.covered_by(ctx, test.args[0])
    if is_validator_name(tail):
        return any(checked.covered_by(ctx, a) for a in [*test.args, *(k.value for k in test.keywords), *_unpacked_values(ctx, test)])
    return False


def _unpacked_values(ctx: FileContext, call: ast.Call) -> list[ast.AST]:
    """The values of a dict literal a call unpacks (``f(**kwargs)`` after ``kwargs = {"url":
    next_url, ...}``, mozilla-django-oidc's ``url_has_allowed_host_and_scheme(**kwargs)``):
    the arguments it passes by keyword. Only a name bound once to a dict display; items set
    on it later (``kwargs["allowed_hosts"] = hosts``) add arguments and take none away."""
    values: list[ast.AST] = []
    for kw in call.keywords:
        if kw.arg is not None:
            continue
        bound = kw.value
        if isinstance(bound, ast.Name):
            binds = [b for b in ctx.bindings_of(bound) if b.kind != "mutate"]
            bound = binds[0].value if len(binds) == 1 and binds[0].kind == "assign" else None
        if isinstance(bound, ast.Dict):
            values.extend(v for k, v in zip(bound.keys, bound.values) if k is not None)
    return values


def is_validator_name(name: str) -> bool:
    """``is_safe_url``, ``_is_local_path``, ``validate_target``: a name that says it checks."""
    return bool(name) and bool(VALIDATOR_WORDS & set(split_words(name)))


def guarded_at(ctx: FileContext, node: ast.AST, names: set[str], kind: str, value: ast.AST | None = None) -> bool:
    """True when `node` only runs after a check of `names`: inside ``if check:`` (or its
    ``else`` for a failed check), or after ``if not check: abort()/return/x = default``.
    With `value` (a `rereadable` expression), a check of the same expression counts too."""
    if not names and value is None:
        return False
    checked = _Checked(value, names)
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.If, ast.IfExp)):
            body = anc.body if isinstance(anc.body, list) else [anc.body]
            orelse = anc.orelse if isinstance(anc.orelse, list) else [anc.orelse]
            if any(child is s for s in body) and _tests(ctx, anc.test, checked, kind, True):
                return True
            if any(child is s for s in orelse) and _tests(ctx, anc.test, checked, kind, False):
                return True
        if any(_early_guard(ctx, s, checked, kind) for s in _statements_before(anc, child)):
            return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.Module)):
            return False
        child = anc
    return False


def _statements_before(parent: ast.AST, child: ast.AST) -> list[ast.stmt]:
    """The statements that run before `child` in the block of `parent` that holds it."""
    for field in ("body", "orelse", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list):
            for i, stmt in enumerate(block):
                if stmt is child:
                    return block[:i]
    return []


def _early_guard(ctx: FileContext, stmt: ast.stmt, checked: _Checked, kind: str) -> bool:
    """``if not check: abort()`` / ``x = default``, or ``validate_x(x)`` as a statement."""
    if isinstance(stmt, ast.If):
        if _settles(ctx, stmt.body, checked, kind) and _tests(ctx, stmt.test, checked, kind, False):
            return True
        if stmt.orelse and _settles(ctx, stmt.orelse, checked, kind) and _tests(ctx, stmt.test, checked, kind, True):
            return True
        # ``if a: raise`` / ``elif not check(x): raise``: past the statement, either branch
        # settled the value or the branch that flows on held a guard of its own.
        for branch, other in ((stmt.body, stmt.orelse), (stmt.orelse, stmt.body)):
            if other and _settles(ctx, branch, checked, kind) and any(_early_guard(ctx, s, checked, kind) for s in other):
                return True
        return False
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        tail = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if RAISING_VALIDATOR_WORDS & set(split_words(tail)):
            return any(checked.covered_by(ctx, a) for a in call.args)
    return False


def _settles(ctx: FileContext, block: list, checked: _Checked, kind: str) -> bool:
    """The block ends the request, or leaves the names safe: its last write to them is safe,
    or it ends with a check of its own (``x = referer; if not valid(x): x = "/"``)."""
    if not block:
        return False
    last = block[-1]
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        func = last.value.func
        if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in EXIT_CALLS:
            return True
    if isinstance(last, ast.If) and _early_guard(ctx, last, checked, kind):
        return True
    writes = [
        s for s in block
        if (isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id in checked.names for t in s.targets))
        or (isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name) and s.target.id in checked.names)
    ]
    if not writes or isinstance(writes[-1], ast.AugAssign):
        return False
    return not any(lab.kind == "source" for lab in ctx.taint.of(writes[-1].value))


def is_check_of(ctx: FileContext, test: ast.AST, names: set[str], kind: str) -> bool:
    """Whether `test` (either way it turns out) is a real check of the named values."""
    checked = _Checked(None, names)
    return _tests(ctx, test, checked, kind, True) or _tests(ctx, test, checked, kind, False)
