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
function nobody in the module calls, and for a key built with constant text first
(``f"verification_code_{request.path}"``: the client only names a key inside that
namespace). Nothing is reported for constants, server-derived values (a database row's
primary key, the user ``authenticate()`` returned, the CSRF secret Django's middleware keeps
in ``request.META["CSRF_COOKIE"]``), casts (``int()``, ``uuid.UUID()``), values checked
against an allow-list (``if role not in ROLES: abort(400)``, ``topic if topic in TOPICS else
"general"``, ``if code in dict(settings.LANGUAGES):``, membership in a container of the
session itself: ``if cart_id in request.session.get("carts", {}):``), values matched by
``re.fullmatch`` or a compiled pattern's ``fullmatch``, values past a check in any branch of
an ``if`` / ``elif`` chain whose other branches end (``if not prefixes: raise ...`` / ``elif
not check(u, prefixes): raise ...``), or in dead code.

## Why is this bad?
Code that reads the session trusts it: it was written by the server. A value the client chose
(``role=admin``, another tenant's account id, a coupon code, a redirect target) stored there
unchecked crosses that trust boundary, and every later check of ``session["plan"]`` or
``session["account_id"]`` is bypassed. Identity and privilege keys (``user_id``, ``role``,
``is_admin``) are reported by AIS212 client-controlled-identity instead, which supersedes this
rule on the same node.

## Example
```python
from flask import Flask, redirect, request, session

app = Flask(__name__)

@app.post("/onboarding/complete")
def complete_onboarding():
    session["plan"] = request.form.get("plan", "free")
    return redirect("/home")
```

## Use instead
```python
from flask import Flask, abort, redirect, request, session

app = Flask(__name__)
SELF_SERVICE_PLANS = {"free", "trial"}

@app.post("/onboarding/complete")
def complete_onboarding():
    plan = request.form.get("plan", "free")
    if plan not in SELF_SERVICE_PLANS:
        abort(400)
    session["plan"] = plan
    return redirect("/home")
```

## Known problems
Validation done by a function of another module (``validate_role(role)`` that raises) is
recognised only when the function's name says it validates (``validate``, ``check``,
``ensure``, ``allowed``, ``valid``, ``safe``). Values that are only displayed back to the same
user (a search term kept for the next page, a card's last four digits) are reported too:
from one module they cannot be told from a value that later code trusts (a page size, a
language code); cast or allow-list them, or suppress the line. A check that a database row
with the value exists (``Model.objects.filter(host=x).exists()``) is not taken as an
allow-list, since the table may hold what users wrote. Session stores other than Flask, Quart, Django and Starlette are not
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
from typing import Iterator

from ..analysis.frameworks import REQUEST_NAMES
from ..analysis.judgement import describe, from_params, is_session, judge
from ..analysis.strings import MAX_BUILD_DEPTH, constant, string_parts
from ..analysis.frameworks import SESSION_QUALNAMES
from ..analysis.taint import REQUEST_ATTRS, extra_sink_args, is_dead, mentions_session, nodes_spelling
from ..checks import Confidence, FileContext, Hit, hit, on

# Mapping methods that store into the session (MutableMapping API).
SESSION_WRITERS = frozenset({"update", "setdefault", "__setitem__"})


# ---- the rule ------------------------------------------------------------------------------


def _stored(node: ast.AST, ctx: FileContext) -> Iterator[tuple[ast.AST, bool]]:
    """The values (and non-constant keys) a statement or call writes into the session, each
    with whether it is a key."""
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and is_session(ctx, target.value):
                if not ctx.is_constant(target.slice):
                    yield target.slice, True
                yield node.value, False
                return
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in SESSION_WRITERS and is_session(ctx, func.value):
            if func.attr == "update":
                yield from ((a, False) for a in node.args)
                yield from ((k.value, False) for k in node.keywords)
            else:
                yield from ((a, i == 0) for i, a in enumerate(node.args[:2]))
            return
        for arg, _sink in extra_sink_args(ctx, node, "session"):
            yield arg, False


def _prefixed_key(ctx: FileContext, key: ast.AST) -> bool:
    """A key built with constant text first (``f"verification_code_{request.path}"``): the
    client picks a key only inside that namespace, so it cannot overwrite the session's
    identity or other keys; it can still fill the session with keys of its choosing."""
    parts = string_parts(ctx, key)
    return bool(parts) and isinstance(parts[0], str) and bool(parts[0])


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
    if depth < MAX_BUILD_DEPTH and isinstance(expr, _SPLITTABLE) and any(_server_side(ctx, c) for c in ast.walk(expr)):
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


def _session_or_declared_sinks(ctx: FileContext) -> bool:
    return bool(ctx.settings.extra_sinks) or mentions_session(ctx)


@on(ast.Module, when=mentions_session)
def check_session_write(node: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """A session write whose value (or key) is untrusted input: ``session[k] = v``. Only an
    assignment whose target subscripts the session (`is_session`: an expression resolving to
    `SESSION_QUALNAMES`, which ends in ``session`` or is a name imported as one, or a
    ``.session`` attribute) writes one, so the assignments are read only from the statements
    that spell one (`nodes_spelling`)."""
    for found in nodes_spelling(ctx, (ast.Assign, ast.AugAssign), "session", SESSION_QUALNAMES):
        yield from _judge_writes(found, ctx)


@on(ast.Call, callees=SESSION_WRITERS, when=_session_or_declared_sinks)
def check_session_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``session.update(...)`` / ``session.setdefault(...)``, and calls of declared session
    sinks (``aisec-extra-sinks``, which reach every check that declares callees)."""
    yield from _judge_writes(node, ctx)


def _judge_writes(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    for value, key in _stored(node, ctx):
        if constant(ctx, value) or is_dead(ctx, value):
            continue
        seen, found = _judge_stored(ctx, value)
        if seen == "source":
            confidence = Confidence.LOW if key and _prefixed_key(ctx, value) else Confidence.HIGH
            yield hit(value, f"Untrusted input from {describe(found, 'a request')}", confidence=confidence)
        elif seen == "unknown":
            params = from_params(ctx, value, "session")
            if params:
                yield hit(value, f"The value of {describe(params, '')}", confidence=Confidence.LOW)
