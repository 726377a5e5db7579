"""AIS303 permissive-api-permissions: DRF AllowAny or no authenticators on a view that changes data.

## What it does
Flags Django REST framework settings that let anonymous clients change data:

- ``permission_classes = [AllowAny]`` (also ``(AllowAny,)``, an empty list, or ``AllowAny``
  or-composed with another class) on a view or viewset that serves POST, PUT, PATCH or
  DELETE: ``ModelViewSet``, ``CreateAPIView``, ``UpdateAPIView``, ``DestroyAPIView`` and the
  other generic views and mixins that inherit those methods, or an ``APIView`` / viewset
  that defines ``post`` / ``put`` / ``patch`` / ``delete`` / ``create`` / ``update`` /
  ``destroy`` or an ``@action(methods=["post"])``; ``@permission_classes([AllowAny])`` on an
  ``@api_view(["POST"])`` function;
- ``authentication_classes = []`` / ``()`` (and ``@authentication_classes([])``) on such a
  view, unless it also requires authenticated users explicitly (``permission_classes =
  [IsAuthenticated]``: with no authenticators it then refuses everyone, a closed bug);
- ``AllowAny`` in the ``REST_FRAMEWORK`` setting's ``DEFAULT_PERMISSION_CLASSES`` outside
  development and test settings modules (``settings/dev.py``, ``test_settings.py``).

Not reported: read-only views (``ReadOnlyModelViewSet``, ``ListAPIView``, an ``APIView``
with only ``get``), views that are public by design (login, registration, password reset,
token issuing, health checks: read from the class or function name and route), and
mutating views whose every mutating method checks the caller in its body (a webhook that
verifies its HMAC signature, an API key compared with ``hmac.compare_digest``, a one-time
token the client sent looked up with ``try: Device.objects.get(initialization_token=...)
except Device.DoesNotExist: raise ...``: only its holder gets past) or only validates what
the client sent and answers (a ``create()`` that runs ``serializer.is_valid()`` and returns
204 without calling ``save()`` or ``perform_create()``: every call reads, and nothing
outside it is assigned; a ``post()`` that only returns ``super().post(...)`` is judged by
the view's own ``create()``).

## Why is this bad?
``AllowAny`` switches DRF's permission check off: anyone on the network can create, edit
and delete through the endpoint. DRF's own default (without ``DEFAULT_PERMISSION_CLASSES``)
is ``AllowAny``, so a project that writes it explicitly as the default has no access control
unless every view remembers to add its own.

## Example
```python
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]
```

## Use instead
```python
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly

class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
```

## Known problems
Permissions chosen at run time (``get_permissions``) are not judged. A mutating view that is
public on purpose under another name (a contact form, a public submission endpoint) is
reported; suppress it on the line with a comment saying why.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Django REST framework: permissions (AllowAny, setting the policy)](https://www.django-rest-framework.org/api-guide/permissions/)
- [Django REST framework: authentication](https://www.django-rest-framework.org/api-guide/authentication/)
- [OWASP REST Security Cheat Sheet: access control](https://cheatsheetseries.owasp.org/cheatsheets/REST_Security_Cheat_Sheet.html#access-control)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.auth import (
    Handler,
    body_guard,
    changes_state,
    class_attr,
    drf_list,
    drf_permission_value,
    handlers,
    handlers_by_node,
    is_public_name,
)
from ..analysis.frameworks import settings_profile
from ..analysis.taint import own_nodes
from ..checks import Confidence, FileContext, Hit, hit, on

_ORDER = ("POST", "PUT", "PATCH", "DELETE")
_ALLOW_ANY = "AllowAny"
_SETTING = "REST_FRAMEWORK"


def _allow_any(ctx: FileContext, value: ast.expr | None) -> ast.expr | None:
    """The node to report when a permission_classes value lets anyone in."""
    elts = drf_list(ctx, value)
    if elts is None:
        return None
    if not elts:
        return value
    for elt in elts:
        for node in ast.walk(elt):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
            if name == _ALLOW_ANY:
                composed = elt is not node
                if not composed or (isinstance(elt, ast.BinOp) and isinstance(elt.op, ast.BitOr)):
                    return node
    return None


def _requires_authentication(ctx: FileContext, value: ast.expr | None) -> bool:
    """Explicit permission classes that need an authenticated user: with no authenticators
    the view then refuses everyone (a bug, but a closed one)."""
    elts = drf_list(ctx, value)
    return bool(elts) and _allow_any(ctx, value) is None


def _exempt(ctx: FileContext, mutating: list[Handler], name_handler: Handler) -> bool:
    """Public by design, or every mutating method checks the caller itself."""
    if is_public_name(name_handler) or any(is_public_name(h) for h in mutating):
        return True
    bodies = [h.node for h in mutating if isinstance(h.node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not bodies or len(bodies) != len(mutating):
        return False
    # Every mutating method checks the caller, or only validates and answers (a create()
    # that runs the serializer's validation and returns 204 without save()).
    return all(body_guard(ctx, b) or _only_validates(ctx, _action_of(h, b)) for h, b in zip(mutating, bodies))


# The action DRF's generic views run for each method: CreateAPIView.post returns
# self.create(...), UpdateAPIView.put / patch self.update / partial_update, DestroyAPIView.delete
# self.destroy (https://www.django-rest-framework.org/api-guide/generic-views/).
_ACTIONS = {"post": "create", "put": "update", "patch": "partial_update", "delete": "destroy"}


def _action_of(h: Handler, func: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """The method that does the work of `func`: for ``def post(...): return super().post(
    ...)`` in a view that defines ``create``, that ``create`` (DRF's ``post`` calls it);
    else `func` itself."""
    action = _ACTIONS.get(func.name)
    body = [s for s in func.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if action is None or h.cls is None or len(body) != 1 or not isinstance(body[0], ast.Return):
        return func
    value = body[0].value
    if not (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == func.name
        and isinstance(value.func.value, ast.Call)
        and _last_name(value.func.value.func) == "super"
    ):
        return func
    own = next((s for s in h.cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == action), None)
    return own if own is not None else func


_VALIDATIONS = frozenset({"is_valid", "validate", "full_clean", "run_validation"})


def _only_validates(ctx: FileContext, func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """True for a method that validates what the client sent and answers, changing nothing:
    label-studio's ``LabelConfigValidateAPI.create()``, ``serializer.is_valid(
    raise_exception=True); return Response(status=204)`` with no ``save()`` (every call
    reads: `auth.changes_state`)."""
    return any(type(n) is ast.Call and _last_name(n.func) in _VALIDATIONS for n in own_nodes(func)) and not changes_state(ctx, func)


def _last_name(expr: ast.AST) -> str:
    return expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else ""


def _what(methods: set, name: str) -> str:
    return f"mutating view '{name}' ({', '.join(m for m in _ORDER if m in methods)})"


@on(ast.Module)
def check_view_classes(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Each view class with handlers (`auth.handlers`, grouped by class in source order),
    read once per file instead of asking about every class."""
    by_class: dict[int, tuple[ast.ClassDef, list[Handler]]] = {}
    for h in handlers(ctx):
        if h.cls is not None:
            by_class.setdefault(id(h.cls), (h.cls, []))[1].append(h)
    for node, own in by_class.values():
        yield from _check_view_class(node, own, ctx)


def _check_view_class(node: ast.ClassDef, own: list[Handler], ctx: FileContext) -> Iterator[Hit]:
    if own[0].framework != "drf":
        return
    mutating = [h for h in own if h.mutating]
    if not mutating:
        return
    if any(isinstance(s, ast.FunctionDef) and s.name == "get_permissions" for s in node.body):
        return
    methods = set().union(*(h.mutating for h in mutating))
    if _exempt(ctx, mutating, Handler(node, node.name, "drf", frozenset(methods))):
        return
    what = _what(methods, node.name)
    found = _allow_any(ctx, class_attr(node, "permission_classes"))
    if found is not None:
        label = "permission_classes = []" if found is class_attr(node, "permission_classes") else "AllowAny"
        yield hit(found, label, what, "require IsAuthenticated or a stricter permission class", confidence=Confidence.HIGH)
    authn = class_attr(node, "authentication_classes")
    if authn is not None and drf_list(ctx, authn) == [] and not _requires_authentication(ctx, drf_permission_value(ctx, own[0])):
        yield hit(authn, "authentication_classes = []", what, "keep the default authenticators or verify the caller in the view", confidence=Confidence.HIGH)


@on(ast.Module)
def check_api_views(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Each DRF function view (`auth.handlers_by_node`), read once per file instead of asking
    about every function."""
    for h in handlers_by_node(ctx):
        node = h.node
        if type(node) in (ast.FunctionDef, ast.AsyncFunctionDef) and h.framework == "drf" and h.cls is None and h.mutating:
            yield from _check_api_view(node, h, ctx)  # type: ignore[arg-type]


def _check_api_view(node: ast.FunctionDef, h: Handler, ctx: FileContext) -> Iterator[Hit]:
    if _exempt(ctx, [h], h):
        return
    what = _what(set(h.mutating), node.name)
    for dec in node.decorator_list:
        if not isinstance(dec, ast.Call) or not dec.args:
            continue
        name = dec.func.id if isinstance(dec.func, ast.Name) else getattr(dec.func, "attr", "")
        if name == "permission_classes":
            found = _allow_any(ctx, dec.args[0])
            if found is not None:
                label = "permission_classes([])" if found is dec.args[0] else "AllowAny"
                yield hit(found, label, what, "require IsAuthenticated or a stricter permission class", confidence=Confidence.HIGH)
        elif name == "authentication_classes" and drf_list(ctx, dec.args[0]) == [] and not _requires_authentication(ctx, drf_permission_value(ctx, h)):
            yield hit(dec.args[0], "authentication_classes([])", what, "keep the default authenticators or verify the caller in the view", confidence=Confidence.HIGH)


def _default_allow_any(ctx: FileContext, value: ast.expr) -> ast.expr | None:
    elts = drf_list(ctx, value)
    for elt in elts or ():
        text = ctx.const_str(elt)
        if text is not None and text.rsplit(".", 1)[-1] == _ALLOW_ANY:
            return elt
        if isinstance(elt, (ast.Name, ast.Attribute)) and (elt.id if isinstance(elt, ast.Name) else elt.attr) == _ALLOW_ANY:
            return elt
    return None


def _default_hit(ctx: FileContext, value: ast.expr) -> Iterator[Hit]:
    if settings_profile(ctx) == "development":
        return
    found = _default_allow_any(ctx, value)
    if found is not None:
        yield hit(
            found, "DEFAULT_PERMISSION_CLASSES = [AllowAny]", "every view that sets no permission_classes",
            "make IsAuthenticated the default and open views one by one", confidence=Confidence.HIGH,
        )


@on(ast.Dict)
def check_settings_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    # Only the project's REST_FRAMEWORK setting: DRF's own table of defaults
    # (rest_framework/settings.py DEFAULTS) holds AllowAny too.
    parent = ctx.parent(node)
    if not (
        isinstance(parent, (ast.Assign, ast.AnnAssign))
        and any(isinstance(t, ast.Name) and t.id == _SETTING for t in (parent.targets if isinstance(parent, ast.Assign) else [parent.target]))
    ):
        return
    for key, value in zip(node.keys, node.values):
        if key is not None and ctx.const_str(key) == "DEFAULT_PERMISSION_CLASSES":
            yield from _default_hit(ctx, value)


@on(ast.Assign, names={"DEFAULT_PERMISSION_CLASSES"})
def check_settings_item(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    for target in node.targets:
        if (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Name)
            and target.value.id == _SETTING
            and ctx.const_str(target.slice) == "DEFAULT_PERMISSION_CLASSES"
        ):
            yield from _default_hit(ctx, node.value)
