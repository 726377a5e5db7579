"""AIS415 trust-boundary-violation: untrusted input stored in the server-side session.

## What it does
Flags a value from untrusted input (request data, route parameters, cookies, a Lambda event,
model output) written into a server-side session without validation:

- Flask and Quart ``session[key] = value`` (also ``+=``), ``session.update(...)`` and
  ``session.setdefault(key, value)``;
- Django and Starlette ``request.session[key] = value`` (also ``self.request.session`` in
  class-based views), ``request.session.update(...)`` and ``setdefault``;
- a session *key* chosen by the client (``session[request.form["k"]] = ...``).

The finding points at the stored value. Confidence is high when untrusted input reaches it,
also through a helper of the same module; low (hidden by default) for a parameter of a
function nobody in the module calls. Nothing is reported for constants, server-derived values
(a database row's primary key, the user ``authenticate()`` returned), casts (``int()``,
``uuid.UUID()``), values checked against an allow-list (``if role not in ROLES: abort(400)``,
``topic if topic in TOPICS else "general"``, ``if code in dict(settings.LANGUAGES):``), values
matched by ``re.fullmatch`` or a compiled pattern's ``fullmatch``, or in dead code.

## Why is this bad?
Code that reads the session trusts it: it was written by the server. A value the client chose
(``role=admin``, another tenant's account id, a coupon code, a redirect target) stored there
unchecked crosses that trust boundary, and every later check of ``session["role"]`` or
``session["account_id"]`` is bypassed.

## Example
```python
from flask import Flask, redirect, request, session

app = Flask(__name__)

@app.post("/onboarding/complete")
def complete_onboarding():
    session["role"] = request.form.get("role", "viewer")
    return redirect("/home")
```

## Use instead
```python
from flask import Flask, abort, redirect, request, session

app = Flask(__name__)
SELF_SERVICE_ROLES = {"viewer", "editor"}

@app.post("/onboarding/complete")
def complete_onboarding():
    role = request.form.get("role", "viewer")
    if role not in SELF_SERVICE_ROLES:
        abort(400)
    session["role"] = role
    return redirect("/home")
```

## Known problems
Validation done by a function of another module (``validate_role(role)`` that raises) is
recognised only when the function's name says it validates (``validate``, ``check``,
``ensure``, ``allowed``, ``valid``, ``safe``). Values that are only displayed back to the same
user (a search term kept for the next page) are reported too; cast or allow-list them, or
suppress the line. Session stores other than Flask, Quart, Django and Starlette are not
modelled.

## Options
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input readers
and validators.

## References
- [CWE-501: Trust Boundary Violation](https://cwe.mitre.org/data/definitions/501.html)
- [Flask: Sessions](https://flask.palletsprojects.com/en/stable/quickstart/#sessions)
- [Django: How to use sessions](https://docs.djangoproject.com/en/stable/topics/http/sessions/)
- [Starlette: SessionMiddleware](https://www.starlette.io/middleware/#sessionmiddleware)
- [OWASP Input Validation Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Input_Validation_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.context import flatten_add
from ..analysis.taint import FLOW_EXITS, REQUEST_ATTRS, extra_sink_args, is_dead, own_nodes, tainted_for
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

# Session objects: Flask https://flask.palletsprojects.com/en/stable/api/#flask.session and
# Quart's equivalent; Django https://docs.djangoproject.com/en/stable/topics/http/sessions/
# and Starlette https://www.starlette.io/middleware/#sessionmiddleware hang it on the request.
SESSION_QUALNAMES = frozenset({"flask.session", "quart.session", "flask.globals.session"})
REQUEST_NAMES = frozenset({"request", "req"})
# Mapping methods that store into the session (MutableMapping API).
SESSION_WRITERS = frozenset({"update", "setdefault", "__setitem__"})


# ---- what counts as validated (shared with AIS405, AIS406, AIS409 and AIS410) -------------
#
# The taint engine clears a value after casts, sanitizers and the guard shapes it models
# (``x in CONSTANT``, ``re.fullmatch``, validators such as url_has_allowed_host_and_scheme).
# The helpers below add shapes it does not model yet, all of which real code uses to
# validate: a conditional expression (``x if x in ALLOWED else "default"``), an ``and`` / ``or``
# test (``if parsed.scheme != "https" or parsed.hostname not in HOSTS: abort(400)``), an
# allow-list that is not a literal (``x in client.redirect_uris``), a validator given the value
# by keyword, a predicate of the module named as a validator (``_is_local_path(x)``),
# Werkzeug's ``args.get(..., type=int)``, and a WSGI ``environ`` as untrusted input.

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


def constant(ctx: FileContext, expr: ast.AST) -> bool:
    """`FileContext.is_constant`, unless the taint engine saw input reach the value.

    ``is_constant`` follows a name to its last assignment in source order, so
    ``x = request.args["x"]`` followed by ``if bad: x = "/"`` reads as constant; the engine's
    flow analysis still sees the input on the other path."""
    if not ctx.is_constant(expr):
        return False
    return not any(lab.kind in ("source", "param") for lab in ctx.taint.of(expr))


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
    if guarded_at(ctx, expr, _tainted_names(ctx, expr, kind), kind):
        return True
    if isinstance(expr, ast.IfExp):
        return _ifexp_ok(ctx, expr, kind, depth)
    if isinstance(expr, ast.Name):
        binds = ctx.bindings_of(expr)
        single = len(binds) == 1 and binds[0].kind in ("assign", "walrus") and binds[0].value is not None
        return single and validated(ctx, binds[0].value, kind, depth + 1)  # type: ignore[arg-type]
    if isinstance(expr, ast.Call):
        if _converted_get(expr):
            return True
        target = ctx.taint.local_function(expr.func)
        return target is not None and _returns_ok(ctx, target, kind, depth)
    parts = _operands(expr)
    if parts is None:
        return False
    return all(ctx.taint.judge(p, kind)[0] != "source" or validated(ctx, p, kind, depth + 1) for p in parts)


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
        return not positive and test.id in checked.names  # a falsy value ("" or None) carries nothing
    if isinstance(test, ast.BoolOp):
        results = (_tests(ctx, v, checked, kind, positive) for v in test.values)
        # `a and b` true, or `a or b` false: each part holds, one check suffices.
        return any(results) if isinstance(test.op, ast.And) == positive else all(results)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _compare_proves(ctx, test, checked, kind, positive)
    if isinstance(test, ast.Call) and positive:
        return _call_proves(ctx, test, checked)
    return False


def _compare_proves(ctx: FileContext, test: ast.Compare, checked: _Checked, kind: str, positive: bool) -> bool:
    """``x in ALLOWED``, ``x == "a"``, ``urlparse(x).hostname in HOSTS`` (or their negations)."""
    op, left, right = test.ops[0], test.left, test.comparators[0]
    if not isinstance(op, (ast.In, ast.NotIn, ast.Eq, ast.NotEq)) or isinstance(op, (ast.In, ast.Eq)) != positive:
        return False
    if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Constant) and isinstance(right.value, str):
        return False  # a substring test, not an allow-list
    if isinstance(left, ast.Attribute) and (left.attr == "scheme" or (kind == "url" and left.attr not in HOST_ATTRS)):
        return False  # the scheme (or another URL part) says nothing about the host
    if checked.names & roots(ctx, right, depth=0) or ctx.taint.judge(right, kind)[0] == "source":
        return False  # compared with input: no allow-list
    return checked.covered_by(ctx, left)


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
        return any(checked.covered_by(ctx, a) for a in [*test.args, *(k.value for k in test.keywords)])
    return False


def is_check_of(ctx: FileContext, test: ast.AST, names: set[str], kind: str) -> bool:
    """Whether `test` (either way it turns out) is a real check of the named values."""
    checked = _Checked(None, names)
    return _tests(ctx, test, checked, kind, True) or _tests(ctx, test, checked, kind, False)


def is_validator_name(name: str) -> bool:
    """``is_safe_url``, ``_is_local_path``, ``validate_target``: a name that says it checks."""
    return bool(name) and bool(VALIDATOR_WORDS & set(split_words(name)))


def guarded_at(ctx: FileContext, node: ast.AST, names: set[str], kind: str) -> bool:
    """True when `node` only runs after a check of `names`: inside ``if check:`` (or its
    ``else`` for a failed check), or after ``if not check: abort()/return/x = default``."""
    if not names:
        return False
    checked = _Checked(None, names)
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
        return bool(stmt.orelse) and _settles(ctx, stmt.orelse, checked, kind) and _tests(ctx, stmt.test, checked, kind, True)
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


# ---- string building (shared with AIS405, AIS406 and AIS409) ------------------------------

_PRINTF = re.compile(r"%%|%(?:\([^)]{0,100}\))?[-#0 +]{0,5}[0-9.*]{0,10}[sdifrxXeEgGc]")
_FORMAT_FIELD = re.compile(r"\{\{|\}\}|\{([^{}!:]{0,100})(?:![rsa])?(?::[^{}]{0,100})?\}")
_MAX_BUILD_DEPTH = 6


def string_parts(ctx: FileContext, expr: ast.AST, depth: int = 0) -> list | None:
    """The pieces of a string built by an f-string, ``%``, ``+``, ``str.format`` or
    ``sep.join([...])``, directly or through a local name: ``str`` for constant text and
    ``ast.AST`` for a non-constant part. None when `expr` is not built that way."""
    if depth > _MAX_BUILD_DEPTH:
        return None
    if isinstance(expr, ast.JoinedStr):
        return [
            str(p.value) if isinstance(p, ast.Constant) else _piece(ctx, p.value)
            for p in expr.values
            if isinstance(p, (ast.Constant, ast.FormattedValue))
        ]
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
        return _percent_parts(ctx, expr)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        out: list = []
        for part in flatten_add(expr):
            inner = None if isinstance(part, (ast.Constant, ast.Name)) else string_parts(ctx, part, depth + 1)
            out.extend(inner if inner is not None else [_piece(ctx, part)])
        return out
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        if expr.func.attr == "format":
            return _format_parts(ctx, expr)
        if expr.func.attr == "join" and len(expr.args) == 1:
            return _join_parts(ctx, expr, depth)
        return None
    if isinstance(expr, ast.Name):
        return _name_parts(ctx, expr, depth)
    return None


def _percent_parts(ctx: FileContext, expr: ast.BinOp) -> list | None:
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
    return out


def _format_parts(ctx: FileContext, expr: ast.Call) -> list | None:
    fmt = ctx.const_str(expr.func.value)  # type: ignore[attr-defined]
    if fmt is None:
        return None
    keywords = {k.arg: k.value for k in expr.keywords if k.arg}
    out: list = []
    start = auto = 0
    for m in _FORMAT_FIELD.finditer(fmt):
        out.append(fmt[start:m.start()])
        start = m.end()
        if m.group(0) in ("{{", "}}"):
            out.append(m.group(0)[0])
            continue
        field = (m.group(1) or "").split(".")[0].split("[")[0]
        if field.isdigit():
            value = expr.args[int(field)] if int(field) < len(expr.args) else None
        elif field:
            value = keywords.get(field)
        else:
            value = expr.args[auto] if auto < len(expr.args) else None
            auto += 1
        out.append(_piece(ctx, value) if value is not None else "")
    out.append(fmt[start:])
    return out


def _join_parts(ctx: FileContext, expr: ast.Call, depth: int) -> list | None:
    sep = ctx.const_str(expr.func.value)  # type: ignore[attr-defined]
    items = expr.args[0]
    if isinstance(items, ast.Name):
        items = ctx.reaching_value(items)
    if sep is None or not isinstance(items, (ast.List, ast.Tuple)):
        return None
    out: list = []
    for i, elt in enumerate(items.elts):
        if i:
            out.append(sep)
        inner = string_parts(ctx, elt, depth + 1)
        out.extend(inner if inner is not None else [_piece(ctx, elt)])
    return out


def _name_parts(ctx: FileContext, expr: ast.Name, depth: int) -> list | None:
    """A local name assigned once (then perhaps extended with ``+=``) to a built string."""
    if sum(1 for b in ctx.bindings_of(expr) if not b.augmented) != 1:
        return None  # several assignments: which one reaches is a matter of flow
    steps = ctx.reaching_bindings(expr)
    if not steps or steps[0].value is None or steps[0].kind not in ("assign", "walrus"):
        return None
    out: list = []
    built = False
    for step in steps:
        if step.value is None or step.kind not in ("assign", "walrus", "aug"):
            return None
        inner = string_parts(ctx, step.value, depth + 1)
        if inner is None:
            out.append(_piece(ctx, step.value))
        else:
            out.extend(inner)
            built = True
    return out if built else None


def _piece(ctx: FileContext, node: ast.AST) -> str | ast.AST:
    if not constant(ctx, node):
        return node
    text = ctx.const_str(node)
    return text if text is not None else "0"


def constant_text(parts: list) -> str:
    """The constant text of a built string."""
    return "".join(p for p in parts if isinstance(p, str))


# ---- the rule ------------------------------------------------------------------------------


def is_session(ctx: FileContext, expr: ast.AST) -> bool:
    """``session`` (Flask, Quart) or ``request.session`` / ``self.request.session``."""
    if ctx.qualname(expr) in SESSION_QUALNAMES:
        return True
    if isinstance(expr, ast.Attribute) and expr.attr == "session":
        base = expr.value
        if isinstance(base, ast.Name) and base.id in REQUEST_NAMES:
            return True
        return isinstance(base, ast.Attribute) and base.attr == "request" and isinstance(base.value, ast.Name) and base.value.id == "self"
    return False


def _stored(node: ast.AST, ctx: FileContext) -> Iterator[ast.AST]:
    """The values (and non-constant keys) a statement or call writes into the session."""
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and is_session(ctx, target.value):
                if not ctx.is_constant(target.slice):
                    yield target.slice
                yield node.value
                return
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in SESSION_WRITERS and is_session(ctx, func.value):
            if func.attr == "update":
                yield from node.args
                yield from (k.value for k in node.keywords)
            else:
                yield from node.args[:2]
            return
        for arg, _sink in extra_sink_args(ctx, node, "session"):
            yield arg


def _server_side(ctx: FileContext, expr: ast.AST) -> bool:
    """A read of the session itself, or of a server-side attribute of the request object
    (``request.user.pk``, ``request.method``): trusted whatever the engine's coarse view of
    the request object after an earlier ``request.session[...] = input`` says."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        return expr.func.attr in ("get", "pop", "setdefault") and is_session(ctx, expr.func.value)
    if isinstance(expr, ast.Subscript):
        return is_session(ctx, expr.value)
    if isinstance(expr, ast.Attribute):
        chain = []
        cur: ast.AST = expr
        while isinstance(cur, ast.Attribute):
            chain.append(cur.attr)
            cur = cur.value
        if isinstance(cur, ast.Name) and cur.id in REQUEST_NAMES and ctx.qualname(cur) is None:
            return chain[-1] not in REQUEST_ATTRS
    return False


_SPLITTABLE = (ast.BinOp, ast.BoolOp, ast.IfExp, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.JoinedStr, ast.FormattedValue)


def _pieces(ctx: FileContext, expr: ast.AST, depth: int = 0) -> list[ast.AST]:
    """The parts of a stored value that may carry input, leaving out server-side reads."""
    if _server_side(ctx, expr):
        return []
    if depth < _MAX_BUILD_DEPTH and isinstance(expr, _SPLITTABLE) and any(_server_side(ctx, c) for c in ast.walk(expr)):
        if isinstance(expr, ast.IfExp):
            children = [expr.body, expr.orelse]
        else:
            children = [c for c in ast.iter_child_nodes(expr) if isinstance(c, ast.expr)]
        return [p for c in children for p in _pieces(ctx, c, depth + 1)]
    return [expr]


def _judge_stored(ctx: FileContext, value: ast.AST) -> tuple[str, list[str]]:
    verdicts = [judge(ctx, p, "session") for p in _pieces(ctx, value) if not constant(ctx, p)]
    for wanted in ("source", "unknown"):
        found = [v for v in verdicts if v[0] == wanted]
        if found:
            return wanted, sorted({o for v in found for o in v[1]})
    return "safe", []


@on(ast.Assign, ast.AugAssign, ast.Call)
def check_session_write(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    """A session write whose value (or key) is untrusted input."""
    for value in _stored(node, ctx):
        if constant(ctx, value) or is_dead(ctx, value):
            continue
        seen, found = _judge_stored(ctx, value)
        if seen == "source":
            yield hit(value, f"Untrusted input from {describe(found, 'a request')}", confidence=Confidence.HIGH)
        elif seen == "unknown":
            params = from_params(ctx, value, "session")
            if params:
                yield hit(value, f"The value of {describe(params, '')}", confidence=Confidence.LOW)
