"""AIS302 auth-decorator-order: an authentication decorator above the route decorator.

## What it does
Flags an authentication or permission decorator (``login_required``, ``jwt_required()``,
``auth.login_required``, ``roles_required``, ``admin_required``, your
``aisec-auth-decorators`` and ``aisec-admin-decorators``) written above a route decorator
of a Flask-style registry (Flask, Quart, Sanic, Bottle, blueprints) or a FastAPI app or
router, and DRF's ``@permission_classes`` / ``@authentication_classes`` written above
``@api_view``.

Decorators apply bottom-up. The route decorator registers the function it receives, so a
decorator above it wraps a function nobody calls: the registered view runs without the
check. Flask's documentation says the route decorator must be the outermost; DRF's says its
policy decorators "must come after (below) the ``@api_view`` decorator". Django views have
no route decorator (URLs are mapped in ``urls.py``), so their decorator order is not judged
here.

## Why is this bad?
The code reads as protected and passes review, but every request reaches the view
unauthenticated: the check is never called. Tests that call the view function directly
(not through the URL) even pass.

## Example
```python
from flask import Flask
from flask_login import login_required

app = Flask(__name__)

@login_required
@app.route("/settings", methods=["POST"])
def update_settings():
    return "saved"
```

## Use instead
```python
from flask import Flask
from flask_login import login_required

app = Flask(__name__)

@app.route("/settings", methods=["POST"])
@login_required
def update_settings():
    return "saved"
```

## Known problems
Route decorators are recognised on registries whose type is known (``Flask(...)``,
``Blueprint(...)``, ``APIRouter()``) or whose name says so (``app``, ``bp``, ``*_bp``,
``router``, ``*_router``); a registry with another name is not.

## Options
``aisec-auth-decorators`` and ``aisec-admin-decorators`` add your own decorators.

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [CWE-862: Missing Authorization](https://cwe.mitre.org/data/definitions/862.html)
- [Flask: View Decorators (the route decorator is the outermost)](https://flask.palletsprojects.com/en/stable/patterns/viewdecorators/)
- [Django REST framework: API policy decorators](https://www.django-rest-framework.org/api-guide/views/#api-policy-decorators)
- [OWASP Authorization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.auth import decorator_auth, dotted, route_of
from ..checks import Confidence, FileContext, Hit, hit, on

# DRF's policy decorators only set attributes that @api_view reads when it builds the view.
_DRF_POLICY = frozenset({"permission_classes", "authentication_classes"})


def _name(dec: ast.expr) -> str:
    target = dec.func if isinstance(dec, ast.Call) else dec
    return dotted(target) or getattr(target, "attr", "") or "decorator"


@on(ast.Module)
def check_functions(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Each function with two decorators or more (an order needs two), found in one pass over
    the file's functions instead of a check asked about each."""
    for node in [f for f in ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef) if len(f.decorator_list) >= 2]:  # type: ignore[attr-defined]
        yield from check_order(node, ctx)  # type: ignore[arg-type]


def check_order(node: ast.FunctionDef, ctx: FileContext) -> Iterator[Hit]:
    """Authentication decorators applied after (above) the route or ``api_view`` decorator."""
    decs = node.decorator_list
    if len(decs) < 2:
        return
    routes = [(i, d) for i, d in enumerate(decs) if route_of(ctx, d) is not None]
    api_views = [
        (i, d) for i, d in enumerate(decs)
        if (ctx.qualname(d.func if isinstance(d, ast.Call) else d) or "").startswith("rest_framework.decorators.api_view")
    ]
    for j, dec in enumerate(decs):
        below = next((d for i, d in routes if i > j), None)
        if below is not None:
            found = decorator_auth(ctx, dec)
            if found is not None and found[0] == "auth":
                yield hit(dec, "@" + _name(dec), "@" + _name(below), confidence=Confidence.HIGH)
                continue
        below_view = next((d for i, d in api_views if i > j), None)
        if below_view is not None and isinstance(dec, ast.Call):
            target = dec.func
            if (ctx.qualname(target) or "").startswith("rest_framework.decorators.") and _name(dec).rsplit(".", 1)[-1] in _DRF_POLICY:
                yield hit(dec, "@" + _name(dec), "@" + _name(below_view), confidence=Confidence.HIGH)
