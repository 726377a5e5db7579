"""Framework knowledge about route handlers and how they are protected (the AIS3xx rules).

- `handlers(ctx)`: the route handlers of a module, each with its framework, HTTP methods and
  group (the blueprint or router it is registered on; the module for Django views):

  * Flask, Quart, Sanic, Bottle, APIFlask and FastAPI registries: ``@app.route(...,
    methods=[...])`` (default GET), ``@bp.post(...)``, ``@router.delete(...)``,
    ``@app.api_route(..., methods=[...])``, Bottle's ``@route(..., method=...)``; Flask
    ``MethodView`` classes (one handler per ``get`` / ``post`` / ... method).
  * Django function views (a public function taking ``request`` first in a Django module;
    methods from ``@require_POST`` / ``@require_http_methods([...])`` / ``@require_safe``,
    else read from the body: ``request.method == "POST"``, ``request.POST``); Django
    class-based views (``post`` / ``put`` / ``patch`` / ``delete`` methods, and the methods
    ``CreateView`` / ``UpdateView`` / ``DeleteView`` / ``FormView`` handle by inheritance).
  * Django REST framework: ``@api_view(["POST"])`` functions, ``APIView`` methods, viewset
    actions (``create`` / ``update`` / ``partial_update`` / ``destroy``, ``@action(methods=
    [...])``) and the methods generic views and ``ModelViewSet`` inherit.

- `protection(ctx, handler)`: what authenticates it (`Protection.auth`), whether it is
  restricted to administrators (`Protection.admin`) and whether it is deliberately public
  (`Protection.public`):

  * decorators: Flask-Login ``login_required`` / ``fresh_login_required``, Flask-JWT-Extended
    ``jwt_required()`` (not ``optional=True``), Flask-HTTPAuth ``auth.login_required``,
    Flask-Security ``auth_required`` / ``roles_required`` / ..., Django ``login_required`` /
    ``permission_required`` / ``user_passes_test`` / ``staff_member_required``, Starlette
    ``requires(...)``, names that say so (``token_required``, ``require_api_key``,
    ``admin_only``) and the project's ``aisec-auth-decorators`` / ``aisec-admin-decorators``;
    only decorators *below* the route decorator count (Flask registers what lies below it);
  * Django mixins (``LoginRequiredMixin``, ``PermissionRequiredMixin``,
    ``UserPassesTestMixin``), ``method_decorator(...)`` and Flask ``MethodView.decorators``;
  * DRF ``permission_classes`` (class attribute, ``@permission_classes``, a local base
    class, ``get_permissions``); a view that sets none relies on
    ``DEFAULT_PERMISSION_CLASSES``, which one file cannot see (`Protection.default`);
  * FastAPI ``Depends`` / ``Security`` of an authenticating dependency (a name that says
    current user, auth, token, API key, a ``fastapi.security`` scheme, a dependency of the
    module that itself depends on one or raises 401/403, or ``aisec-auth-dependencies``),
    on a parameter, in ``Annotated[...]`` (also through a type alias), in the route's
    ``dependencies=``, the router's ``APIRouter(dependencies=...)``, ``FastAPI(dependencies=
    ...)`` or ``include_router(router, dependencies=...)``;
  * Flask ``@app.before_request`` / ``@bp.before_request`` hooks that check the user;
  * an explicit check in the body: an ``if`` that tests the user, a token, key or signature
    (``current_user.is_authenticated``, ``request.user.is_anonymous``, ``session.get(
    "user_id")``, ``hmac.compare_digest``) or that answers 401 / 403 / a login redirect, and
    calls that verify (``verify_jwt_in_request()``, ``jwt.decode``, ``require_api_key(...)``,
    ``stripe.Webhook.construct_event``, ``aisec-permission-checks``).

- `is_identity(ctx, expr)`: the current user (``current_user``, ``request.user``,
  ``g.user``, ``get_jwt_identity()``, the server session's user id, a parameter that an
  authenticating FastAPI dependency provides, names bound to those).
- `query_of(ctx, call)` / `query_filters(ctx, query)`: the ORM query a lookup call ends
  (SQLAlchemy, Flask-SQLAlchemy, SQLModel, Django), its model and its ``(field, value)``
  filters, for the rules that judge what a query is scoped to.
- `changes_state(ctx, func)`: False for a handler that only reads and answers.

A handler is *privileged* (`Protection.admin`) when it is meant for administrators, staff,
holders of a role or model-wide permission, or other services (an internal or partner
key). That is the intent, however weak the check: a role read from a header still marks an
admin endpoint (AIS212 reports the header, AIS306 an ``assert``).

References: Flask "View Decorators" (the route decorator is the outermost),
https://flask.palletsprojects.com/en/stable/patterns/viewdecorators/ ; Django "Limiting
access to logged-in users", https://docs.djangoproject.com/en/stable/topics/auth/default/ ;
DRF permissions, https://www.django-rest-framework.org/api-guide/permissions/ ; FastAPI
security and dependencies in path operation decorators,
https://fastapi.tiangolo.com/tutorial/security/ ,
https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-in-path-operation-decorators/ .
"""

from __future__ import annotations

import ast
import re
from typing import Callable, Iterable, Iterator, NamedTuple, TYPE_CHECKING

from .frameworks import REQUEST_NAMES
from .context import dotted as _dotted
from .taint import own_nodes
from .words import split_words
from .patterns import lazy_compile

if TYPE_CHECKING:
    from .context import FileContext

__all__ = [
    "CREDENTIAL_CHECK",
    "FILTER_CALLS",
    "LOOKUP_CALLS",
    "MUTATING",
    "OWNER_WORDS",
    "Handler",
    "handlers_by_node",
    "Protection",
    "Query",
    "Route",
    "body_guard",
    "body_privileged",
    "changes_state",
    "class_attr",
    "class_lineage",
    "decorator_auth",
    "dependency_auth",
    "dotted",
    "drf_list",
    "drf_permission_value",
    "field_words",
    "handler_of",
    "handlers",
    "identity_params",
    "is_client_value",
    "is_identity",
    "is_model_name",
    "imported_principal_alias",
    "is_public_name",
    "name_node",
    "permission_call",
    "protection",
    "query_filters",
    "query_of",
    "route_of",
    "view_class_kind",
]

MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_ALL_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})

# ---------------------------------------------------------------------------- routes

_ROUTE_ATTRS = {
    "route": None, "api_route": None, "get": "GET", "post": "POST", "put": "PUT",
    "patch": "PATCH", "delete": "DELETE", "head": "HEAD", "options": "OPTIONS",
}
_REGISTRY_MODULES = ("flask", "quart", "sanic", "bottle", "apiflask", "fastapi", "starlette", "litestar")
_FASTAPI_MODULES = ("fastapi", "starlette")
_REGISTRY_NAME = lazy_compile(
    r"^(?:app|application|api|bp|blueprint|router|routes|web|[A-Za-z0-9_]{1,40}_(?:bp|blueprint|router|app|api|routes))$"
)


class _Record:
    """A read-only record compared by identity, as a ``dataclass(frozen=True, eq=False)``
    is, without the class-creation cost of one at import (part of every flake8 start)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def _fill(self, values: tuple) -> None:
        """Set the fields (`__slots__`, in order) once, at construction."""
        for name, value in zip(self.__slots__, values):
            object.__setattr__(self, name, value)


class Route(_Record):
    """One route decorator: ``@app.post("/notes")``.

    Attributes:
        node: the decorator.
        registry: the object it is called on (``app``, ``bp``).
        framework: "flask" (Flask-style registries) or "fastapi".
        methods: the HTTP methods it declares (upper case).
        path: the route's path when it is a literal.
    """

    __slots__ = ("node", "registry", "framework", "methods", "path")
    node: ast.expr
    registry: str
    framework: str
    methods: frozenset
    path: str | None

    def __init__(self, node: ast.expr, registry: str, framework: str, methods: frozenset, path: str | None) -> None:
        self._fill((node, registry, framework, methods, path))


def dotted(expr: ast.AST | None) -> str:
    """``a.b.c`` for a Name/Attribute chain; ``""`` otherwise (see `context.dotted`)."""
    return _dotted(expr) or ""


def _last(expr: ast.AST | None) -> str:
    if isinstance(expr, ast.Call):
        expr = expr.func
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return ""


def _strings(ctx: "FileContext", expr: ast.AST | None) -> list[str] | None:
    """Constant strings of a str or a list/tuple/set of them (through a name); None if unknown."""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if value is not None:
            expr = value
    one = ctx.const_str(expr)
    if one is not None:
        return [one]
    if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
        out = []
        for elt in expr.elts:
            s = ctx.const_str(elt)
            if s is None:
                return None
            out.append(s)
        return out
    return None


def _methods(ctx: "FileContext", expr: ast.AST | None) -> frozenset:
    values = _strings(ctx, expr)
    if values is None:
        return frozenset()
    return frozenset(v.upper() for v in values) & _ALL_METHODS


def route_of(ctx: "FileContext", dec: ast.expr) -> Route | None:
    """The route a decorator registers, for Flask-style and FastAPI registries."""
    if not isinstance(dec, ast.Call):
        return None
    func = dec.func
    path = ctx.const_str(dec.args[0]) if dec.args else ctx.const_str(_keyword(dec, "path") or _keyword(dec, "rule"))
    if isinstance(func, ast.Name):
        # Bottle's module-level route decorators: @route("/x", method="POST"), @post("/x").
        qn = ctx.qualname(func) or ""
        if qn.startswith("bottle.") and func.id in _ROUTE_ATTRS:
            return Route(dec, "bottle", "flask", _route_methods(ctx, dec, func.id), path)
        return None
    if not isinstance(func, ast.Attribute) or func.attr not in _ROUTE_ATTRS:
        return None
    receiver = func.value
    built = ctx.instance_of(receiver) or ""
    inst = built or ctx.qualname(receiver) or ""
    name = dotted(receiver)
    if inst.startswith(_REGISTRY_MODULES):
        framework = "fastapi" if inst.startswith(_FASTAPI_MODULES) else "flask"
    elif _REGISTRY_NAME.match(name.rsplit(".", 1)[-1] or "-") and ctx.imports_any(_REGISTRY_MODULES):
        if built and "." in built and not built.startswith("."):
            return None  # an instance of some other library's class (requests.Session().get)
        framework = "fastapi" if ctx.imports_any(_FASTAPI_MODULES) else "flask"
    else:
        return None
    return Route(dec, name or "app", framework, _route_methods(ctx, dec, func.attr), path)


def _route_methods(ctx: "FileContext", dec: ast.Call, attr: str) -> frozenset:
    fixed = _ROUTE_ATTRS.get(attr)
    if fixed:
        return frozenset({fixed})
    given = _keyword(dec, "methods") or _keyword(dec, "method")
    if given is None:
        return frozenset({"GET"})
    return _methods(ctx, given)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


# ---------------------------------------------------------------------------- handlers


class Handler(_Record):
    """A route handler.

    Attributes:
        node: the ``def`` (or, for methods a view class inherits, the class).
        name: ``func`` or ``Class.method`` or ``Class``.
        framework: ``"flask"`` (any Flask-style registry), ``"fastapi"``, ``"django"`` or
            ``"drf"``.
        methods: the HTTP methods it serves (upper case); empty when unknown.
        group: the registry it is registered on (``"bp"``); ``""`` for the module.
        routes: its route decorators (Flask-style and FastAPI).
        cls: the view class, for class-based handlers.
        inferred: True when the methods were read from the body, not declared.
    """

    __slots__ = ("node", "name", "framework", "methods", "group", "routes", "cls", "inferred")
    node: ast.AST
    name: str
    framework: str
    methods: frozenset
    group: str
    routes: tuple
    cls: ast.ClassDef | None
    inferred: bool

    def __init__(
        self, node: ast.AST, name: str, framework: str, methods: frozenset, group: str = "",
        routes: tuple = (), cls: ast.ClassDef | None = None, inferred: bool = False,
    ) -> None:
        self._fill((node, name, framework, methods, group, routes, cls, inferred))

    @property
    def mutating(self) -> frozenset:
        return self.methods & MUTATING

    @property
    def paths(self) -> list[str]:
        return [r.path for r in self.routes if r.path]


# Methods of class-based views and the HTTP methods they serve.
_VIEW_METHODS = {
    "get": {"GET"}, "head": {"HEAD"}, "options": {"OPTIONS"}, "post": {"POST"}, "put": {"PUT"},
    "patch": {"PATCH"}, "delete": {"DELETE"}, "list": {"GET"}, "retrieve": {"GET"},
    "create": {"POST"}, "update": {"PUT"}, "partial_update": {"PATCH"}, "destroy": {"DELETE"},
}
# Views that serve methods by inheritance (Django generic editing views, DRF generics,
# viewsets and mixins): https://docs.djangoproject.com/en/stable/ref/class-based-views/
# https://www.django-rest-framework.org/api-guide/generic-views/
_ALL_REST = {"GET", "POST", "PUT", "PATCH", "DELETE"}
_IMPLICIT_METHODS = {
    "CreateView": {"GET", "POST"}, "UpdateView": {"GET", "POST"}, "DeleteView": {"GET", "POST", "DELETE"},
    "FormView": {"GET", "POST"}, "BaseCreateView": {"GET", "POST"}, "BaseUpdateView": {"GET", "POST"},
    "BaseDeleteView": {"GET", "POST", "DELETE"}, "BaseFormView": {"GET", "POST"},
    "CreateAPIView": {"POST"}, "ListCreateAPIView": {"GET", "POST"}, "UpdateAPIView": {"PUT", "PATCH"},
    "DestroyAPIView": {"DELETE"}, "RetrieveUpdateAPIView": {"GET", "PUT", "PATCH"},
    "RetrieveDestroyAPIView": {"GET", "DELETE"}, "RetrieveUpdateDestroyAPIView": _ALL_REST - {"POST"},
    "ModelViewSet": _ALL_REST, "ReadOnlyModelViewSet": {"GET"}, "CreateModelMixin": {"POST"},
    "UpdateModelMixin": {"PUT", "PATCH"}, "DestroyModelMixin": {"DELETE"}, "ListModelMixin": {"GET"},
    "RetrieveModelMixin": {"GET"}, "ListAPIView": {"GET"}, "RetrieveAPIView": {"GET"},
    "DetailView": {"GET"}, "ListView": {"GET"}, "TemplateView": {"GET"}, "RedirectView": {"GET"},
}
_DRF_BASES = frozenset(
    {"APIView", "GenericAPIView", "ViewSet", "GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet", "ViewSetMixin"}
)


def _local_class(ctx: "FileContext", expr: ast.AST) -> ast.ClassDef | None:
    """The class a name is bound to by a ``class`` statement of this module (the first such
    binding of `FileContext.bindings_of`, read without copying them)."""
    if type(expr) is not ast.Name:
        return None
    found = ctx.lookup(expr.id, expr)  # type: ignore[attr-defined]
    if found is None or found[0] != "local":
        return None
    class_type = ast.ClassDef
    for b in found[1]:  # type: ignore[union-attr]
        if type(b.target) is class_type:
            return b.target
    return None


def class_lineage(ctx: "FileContext", cls: ast.ClassDef) -> tuple[list[ast.ClassDef], list[ast.expr]]:
    """The class and its local ancestors (this module's classes), and every base expression
    of them that is not a local class. Depth-bounded. Memoised per file and class (AIS301's
    view classes and AIS304/AIS305's forms, models and views ask about the same classes):
    callers must not mutate the lists."""
    memo = ctx.__dict__.get("_auth_lineage")
    if memo is None:
        memo = ctx.__dict__["_auth_lineage"] = {}
    found = memo.get(id(cls))
    if found is None:
        found = memo[id(cls)] = _class_lineage(ctx, cls)
    return found


def _class_lineage(ctx: "FileContext", cls: ast.ClassDef) -> tuple[list[ast.ClassDef], list[ast.expr]]:
    classes: list[ast.ClassDef] = []
    foreign: list[ast.expr] = []
    work = [cls]
    while work and len(classes) < 12:
        cur = work.pop(0)
        if cur in classes:
            continue
        classes.append(cur)
        for base in cur.bases:
            local = _local_class(ctx, base)
            if local is not None and local is not cur:
                work.append(local)
            else:
                foreign.append(base)
    return classes, foreign


def view_class_kind(ctx: "FileContext", cls: ast.ClassDef) -> str | None:
    """``"drf"``, ``"django"`` or ``"flask"`` for a view class; None for anything else."""
    _classes, bases = class_lineage(ctx, cls)
    if not bases:
        return None  # no base outside the module: nothing below can hold
    names = [_last(b) for b in bases]
    # Qualified names under flask.views need an import of flask, so the (costlier) qualified
    # names are read only in a module that has one, or when the base names do not decide.
    if ctx.imports_any(("flask", "quart")) and (
        "MethodView" in names or any((ctx.qualname(b) or "").startswith("flask.views") for b in bases)
    ):
        return "flask"
    if not ctx.imports_any(("django", "rest_framework")):
        return None
    # One pass over the names: "drf" when one is a DRF base, else when a qualified name is
    # under rest_framework; else "django" when one ends like a view.
    django = False
    for n in names:
        if n in _DRF_BASES or n.endswith(("APIView", "ViewSet")):
            return "drf"
        if not django and (n.endswith("View") or n in _IMPLICIT_METHODS):
            django = True
    if any((ctx.qualname(b) or "").startswith("rest_framework") for b in bases):
        return "drf"
    return "django" if django else None


def handlers(ctx: "FileContext") -> list[Handler]:
    """The route handlers of the module, in source order (memoised per file)."""
    found = ctx.__dict__.get("_auth_handlers")
    if found is not None:
        return found
    found = []
    tree, scope_of, class_type = ctx.tree, ctx.scope_of, ast.ClassDef
    for node in ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
        # Skip the defs in a class (`ctx.enclosing_class(node) is not None`), read up the
        # chain of scopes: every class that contains a def is one of them, and most defs
        # are methods, whose first scope is their class.
        scope = scope_of(node)
        while scope is not tree and type(scope) is not class_type:
            scope = scope_of(scope)
        if scope is not tree:
            continue
        if not node.decorator_list:  # type: ignore[attr-defined]
            # No route, and a Django view (`taint.route_kind`, outside a class) only when
            # the first parameter is the request.
            params = node.args.posonlyargs or node.args.args  # type: ignore[attr-defined]
            if not params or params[0].arg != "request":
                continue
        h = _function_handler(ctx, node)  # type: ignore[arg-type]
        if h is not None:
            found.append(h)
    for node in ctx.nodes_of(ast.ClassDef):
        found.extend(_class_handlers(ctx, node))  # type: ignore[arg-type]
    # Each handler has its own node, so sorting gives source order whatever the visit order.
    found.sort(key=lambda h: (h.node.lineno, h.node.col_offset))
    ctx.__dict__["_auth_handlers"] = found
    ctx.__dict__["_auth_by_node"] = {id(h.node): h for h in found}
    return found


def handler_of(ctx: "FileContext", node: ast.AST) -> Handler | None:
    """The handler whose ``def`` (or view class, for inherited methods) is `node`."""
    handlers(ctx)
    return ctx.__dict__["_auth_by_node"].get(id(node))


def handlers_by_node(ctx: "FileContext") -> list[Handler]:
    """`handler_of` for every node that has a handler: one handler per ``def`` or view class
    (memoised with `handlers`). A check that would ask `handler_of` about every function and
    class of the file reads these instead."""
    handlers(ctx)
    return list(ctx.__dict__["_auth_by_node"].values())


def _function_handler(ctx: "FileContext", func: ast.FunctionDef | ast.AsyncFunctionDef) -> Handler | None:
    routes = tuple(r for r in (route_of(ctx, d) for d in func.decorator_list) if r is not None)
    if routes:
        methods = frozenset().union(*(r.methods for r in routes))
        groups = {r.registry for r in routes}
        return Handler(func, func.name, routes[0].framework, methods, groups.pop() if len(groups) == 1 else "", routes)
    if ctx.taint.route_kind(func) != "django":
        return None
    framework = "django"
    declared: frozenset | None = None
    for dec in func.decorator_list:
        name = _last(dec)
        qn = ctx.qualname(dec.func if isinstance(dec, ast.Call) else dec) or ""
        if name == "api_view" and qn.startswith("rest_framework"):
            framework = "drf"
            arg = dec.args[0] if isinstance(dec, ast.Call) and dec.args else (
                _keyword(dec, "http_method_names") if isinstance(dec, ast.Call) else None
            )
            declared = _methods(ctx, arg) if arg is not None else frozenset({"GET"})
        elif name == "require_POST":
            declared = frozenset({"POST"})
        elif name == "require_GET":
            declared = frozenset({"GET"})
        elif name == "require_safe":
            declared = frozenset({"GET", "HEAD"})
        elif name == "require_http_methods" and isinstance(dec, ast.Call) and dec.args:
            declared = _methods(ctx, dec.args[0])
    if declared is not None:
        return Handler(func, func.name, framework, declared)
    if not func.decorator_list and not _VIEWS_MODULE.search(ctx.filename.replace("\\", "/")):
        return None  # a helper taking the request (serialize_request(request)), not a view
    return Handler(func, func.name, framework, _body_methods(ctx, func), inferred=True)


# Modules that hold Django views by convention: views.py, views/*.py, api.py, *_views.py.
_VIEWS_MODULE = lazy_compile(r"(?:^|/)(?:[\w-]{0,40}_)?(?:views?|api|apis|endpoints|handlers)(?:_[\w-]{1,40})?\.py$|(?:^|/)views?/[\w-]{1,60}\.py$")


def _body_methods(ctx: "FileContext", func: ast.AST) -> frozenset:
    """Methods a Django function view serves, read from its body (GET when nothing says)."""
    found = {"GET"}
    request = _first_param(func)
    for node in own_nodes(func):
        if isinstance(node, ast.Compare) and _is_request_attr(node.left, "method", request):
            for comp in node.comparators:
                found.update(v.upper() for v in (_strings(ctx, comp) or ()))
        elif isinstance(node, ast.Attribute) and node.attr in ("POST", "FILES", "body", "data") and _is_request_attr(node, node.attr, request):
            found.add("POST")
    return frozenset(found) & _ALL_METHODS


def _first_param(func: ast.AST) -> str:
    args = [*func.args.posonlyargs, *func.args.args]
    if args and args[0].arg in ("self", "cls"):
        args = args[1:]
    return args[0].arg if args else "request"


def _is_request_attr(node: ast.AST, attr: str, request: str) -> bool:
    if not isinstance(node, ast.Attribute) or node.attr != attr:
        return False
    base = node.value
    if isinstance(base, ast.Name):
        return base.id in (request, "request")
    return isinstance(base, ast.Attribute) and base.attr == "request"


def _class_handlers(ctx: "FileContext", cls: ast.ClassDef) -> list[Handler]:
    if cls.name.startswith(("_", "Base", "Abstract")) or cls.name.endswith("Mixin"):
        return []  # a base for other views, not routed itself
    kind = view_class_kind(ctx, cls)
    if kind is None:
        return []
    out: list[Handler] = []
    covered: set[str] = set()
    for stmt in cls.body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        methods: set[str] | None = None
        if stmt.name in _VIEW_METHODS and (kind == "drf" or stmt.name not in ("list", "retrieve", "create", "update", "partial_update", "destroy")):
            methods = set(_VIEW_METHODS[stmt.name])
        for dec in stmt.decorator_list:
            if _last(dec) == "action" and kind == "drf":
                given = _keyword(dec, "methods") if isinstance(dec, ast.Call) else None
                methods = set(_methods(ctx, given)) if given is not None else {"GET"}
        if methods is None:
            continue
        covered.update(methods)
        out.append(Handler(stmt, f"{cls.name}.{stmt.name}", kind, frozenset(methods), cls=cls))
    _classes, bases = class_lineage(ctx, cls)
    implicit: set[str] = set()
    for base in bases:
        implicit.update(_IMPLICIT_METHODS.get(_last(base), ()))
    if "DeleteView" in {_last(b) for b in bases} and any(h.node.name == "form_valid" for h in out if isinstance(h.node, ast.FunctionDef)):
        implicit.add("POST")
    rest = implicit - covered
    if rest:
        out.append(Handler(cls, cls.name, kind, frozenset(rest), cls=cls))
    return out


def name_node(ctx: "FileContext", node: ast.AST) -> ast.AST:
    """A node spanning just the name of a ``def`` or ``class`` (for a finding's position)."""
    name = getattr(node, "name", None)
    line = getattr(node, "lineno", 1)
    text = ctx.lines[line - 1] if 0 < line <= len(ctx.lines) else ""
    col = getattr(node, "col_offset", 0)
    if name:
        m = re.compile(r"\b(?:def|class)\s{1,20}(" + re.escape(name) + r")\b").search(text, col)
        if m:
            out = ast.Name(id=name, ctx=ast.Load())
            out.lineno = out.end_lineno = line
            out.col_offset, out.end_col_offset = m.start(1), m.end(1)
            return out
    return node


# ---------------------------------------------------------------------------- protection


class Protection(NamedTuple):
    """How a handler is protected.

    Attributes:
        auth: what authenticates it, for messages (``"@login_required"``,
            ``"Depends(get_current_user)"``, ``"a check in the body"``); None when nothing does.
        admin: privileged: meant for administrators, staff, a role, a model-wide permission
            or another service (see the module docstring).
        public: why it is deliberately public (``"login endpoint"``, ``"AllowAny"``), or None.
        default: a DRF view without ``permission_classes``: it runs the project's
            ``DEFAULT_PERMISSION_CLASSES``, which this file does not show.
        misplaced: an authentication decorator above the route decorator (it protects
            nothing; AIS302 reports it).
    """

    auth: str | None = None
    admin: bool = False
    public: str | None = None
    default: bool = False
    misplaced: ast.expr | None = None

    @property
    def signs_in_users(self) -> bool:
        """Authenticated by something that identifies a user (not only a webhook signature
        or a shared key): evidence that the module's users must sign in."""
        return self.auth is not None and self.auth != CREDENTIAL_CHECK and not self.public


_AUTH_DECORATORS = frozenset(
    {
        "login_required", "fresh_login_required", "jwt_required", "fresh_jwt_required",
        "jwt_refresh_token_required", "auth_required", "auth_token_required", "http_auth_required",
        "token_required", "permission_required", "permissions_required", "permissions_accepted",
        "user_passes_test", "staff_member_required", "superuser_required", "roles_required",
        "roles_accepted", "admin_required", "authenticated", "requires_auth", "require_auth",
        "login_required_json",
    }
)
_AUTH_SUBJECTS = frozenset(
    {
        "login", "auth", "authenticated", "authentication", "token", "jwt", "permission",
        "permissions", "perm", "perms", "role", "roles", "admin", "staff", "superuser", "apikey",
        "signature", "signed", "user", "member", "owner", "scope", "scopes", "session", "bearer",
        "key", "basic", "credentials", "account", "superadmin", "moderator",
    }
)
_REQUIRE_WORDS = frozenset({"required", "require", "requires", "only", "needed", "protected", "must"})
_ADMIN_WORDS = frozenset(
    {"admin", "admins", "staff", "superuser", "superadmin", "administrator", "administrators", "root", "moderator", "moderators"}
)
# Words of decorators and dependencies that restrict a handler to privileged callers: roles,
# model-wide permissions (Django's permission_required grants a permission on every object of
# the model) and other services (internal or partner keys), which act on any object.
_PRIVILEGED_WORDS = _ADMIN_WORDS | frozenset(
    {"permission", "permissions", "perm", "perms", "role", "roles", "group", "groups", "internal", "service", "partner", "system", "machine", "cron", "worker"}
)
_ADMIN_ATTRS = frozenset({"is_staff", "is_superuser", "is_admin", "is_administrator", "is_moderator", "admin", "superuser"})
_PUBLIC_DECORATOR_WORDS = frozenset({"public", "anonymous", "unauthenticated", "noauth"})
_NEGATIONS = frozenset({"no", "not", "skip", "without", "exempt", "bypass", "allow"})


def _named(ctx: "FileContext", target: ast.AST, entries: Iterable[str]) -> bool:
    """True when `target` (a decorator or dependency) is one of the user's names: a
    qualified name (``myapp.auth.require_user``) or a bare one (``require_user``)."""
    entries = tuple(entries)
    if not entries:
        return False
    qn = (ctx.qualname(target) or dotted(target)).lstrip(".")
    last = qn.rsplit(".", 1)[-1]
    for entry in entries:
        if "." in entry:
            if qn == entry or entry.endswith("." + qn) or qn.endswith("." + entry):
                return True
        elif last == entry:
            return True
    return False


def decorator_auth(ctx: "FileContext", dec: ast.expr) -> tuple[str, str, bool] | None:
    """``("auth" | "public", label, admin)`` for a decorator that authenticates a handler or
    marks it public; None for any other decorator."""
    target = dec.func if isinstance(dec, ast.Call) else dec
    name = _last(target)
    if not name:
        return None
    settings = ctx.settings
    label = "@" + (dotted(target) or name)
    qn = ctx.qualname(target) or ""
    words = set(split_words(name))
    if _named(ctx, target, settings.admin_decorators):
        return ("auth", label, True)
    if _named(ctx, target, settings.auth_decorators):
        return ("auth", label, bool(words & _PRIVILEGED_WORDS))
    if name == "login_not_required" or words & _PUBLIC_DECORATOR_WORDS or (
        words & _NEGATIONS and words & {"auth", "login", "authentication", "permission", "permissions"}
    ):
        if not (words & _REQUIRE_WORDS and not words & _NEGATIONS):
            return ("public", label, False)
    if name == "requires" and qn.startswith("starlette"):
        scopes = [s for a in getattr(dec, "args", ())[:1] for s in (_strings(ctx, a) or ())]
        return ("auth", label, any(set(split_words(s)) & _ADMIN_WORDS for s in scopes))
    if isinstance(dec, ast.Call) and name == "jwt_required":
        optional = _keyword(dec, "optional")
        if isinstance(optional, ast.Constant) and optional.value:
            return None
    if name in _AUTH_DECORATORS or (_auth_subject(words) and words & _REQUIRE_WORDS and not words & {"optional", "csrf"}):
        return ("auth", label, _decorator_admin(ctx, dec, words))
    return None


def _auth_subject(words: set) -> bool:
    """Words that name what a decorator requires: a login, a permission, a role, a token
    (``reauthentication_required``, ``api_key_required``, ``perm_required``)."""
    return bool(words & _AUTH_SUBJECTS) or any(
        w.startswith(("auth", "reauth", "login", "perm")) or "authenticat" in w for w in words
    )


def _decorator_admin(ctx: "FileContext", dec: ast.expr, words: set) -> bool:
    if words & _PRIVILEGED_WORDS:
        return True
    if not isinstance(dec, ast.Call):
        return False
    # user_passes_test(lambda u: u.is_staff), roles_required("admin"),
    # auth.login_required(role="admin"), permission_required("app.admin_...")
    for arg in [*dec.args, *(k.value for k in dec.keywords)]:
        if _mentions_admin(ctx, arg):
            return True
    return False


def _mentions_admin(ctx: "FileContext", expr: ast.AST, depth: int = 0) -> bool:
    """True when an expression (a lambda, a predicate of this module, role strings) tests
    for administrators: ``is_staff``, ``is_superuser``, ``is_admin``, ``"admin"``."""
    if depth > 2:
        return False
    if isinstance(expr, ast.Name):
        local = _local_function(ctx, expr)
        if local is not None:
            return any(_mentions_admin(ctx, n, depth + 1) for n in own_nodes(local) if isinstance(n, ast.expr))
        return bool(set(split_words(expr.id)) & _ADMIN_WORDS)
    for node in ast.walk(expr) if not isinstance(expr, ast.Lambda) else ast.walk(expr.body):
        if isinstance(node, ast.Attribute) and node.attr in _ADMIN_ATTRS:
            return True
        if isinstance(node, ast.Call) and _last(node.func) in ("has_perm", "has_perms") and len(node.args) == 1:
            return True  # a model-wide permission: every object of the model
        s = ctx.const_str(node) if isinstance(node, ast.Constant) else None
        if s and set(split_words(s)) & _ADMIN_WORDS:
            return True
    return False


def _local_function(ctx: "FileContext", expr: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    if not isinstance(expr, ast.Name):
        return None
    for b in ctx.bindings_of(expr):
        if isinstance(b.target, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return b.target
    return None


def protection(ctx: "FileContext", handler: Handler) -> Protection:
    """How `handler` is authenticated (memoised per handler)."""
    memo = ctx.__dict__.setdefault("_auth_protection", {})
    key = id(handler.node)
    if key not in memo:
        memo[key] = _protection(ctx, handler)
    return memo[key]


def declared_evidence(ctx: "FileContext", handler: Handler) -> str | None:
    """The mechanism `handler` declares that shows the module's users must sign in (AIS301's
    evidence, read on the other handlers): ``protection(ctx, handler).auth`` when the
    protection `Protection.signs_in_users` and is no check written in the body (those are
    often conditional), else None.

    The same answer as from `protection`, without reading the handler's body (its ``if``
    tests and their taint flows) where the body cannot change it: the checks in the body
    come after every declared mechanism in `Protection.auth`'s order and all end "in the
    body", so only a handler with no declared mechanism on a Django admin class (whose
    "the Django admin site" they would precede) needs them. Memoised per handler."""
    key = id(handler.node)
    full = ctx.__dict__.get("_auth_protection", {}).get(key)
    if full is None:
        memo = ctx.__dict__.setdefault("_auth_declared", {})
        declared = memo.get(key)
        if declared is None:
            declared = memo[key] = _protection(ctx, handler, bodies=False)
        if declared.auth != _ADMIN_SITE:
            return _evidence(declared)
        full = protection(ctx, handler)
    return _evidence(full)


def _evidence(p: Protection) -> str | None:
    return p.auth if p.auth is not None and p.signs_in_users and not p.auth.endswith("in the body") else None


_ADMIN_SITE = "the Django admin site"


def _protection(ctx: "FileContext", h: Handler, bodies: bool = True) -> Protection:
    """`protection`; without `bodies`, the checks written in the bodies of the handler and of
    its view's hooks are not read (see `declared_evidence`)."""
    auth: list[str] = []
    admin = False
    public: str | None = None
    misplaced = None
    default = False

    def take(found: tuple[str, bool] | None) -> None:
        nonlocal admin
        if found is not None:
            auth.append(found[0])
            admin = admin or found[1]

    decorators: list[ast.expr] = []
    func = h.node if isinstance(h.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    if func is not None:
        decs = list(func.decorator_list)
        if h.routes:
            lowest = max(decs.index(r.node) for r in h.routes)
            for d in decs[:lowest]:
                found = decorator_auth(ctx, d)
                if found is not None and found[0] == "auth" and misplaced is None:
                    misplaced = d
            decs = decs[lowest + 1:]
        decorators.extend(decs)
    if h.cls is not None:
        classes, bases = class_lineage(ctx, h.cls)
        for c in classes:
            decorators.extend(c.decorator_list)
            flask_decorators = class_attr(c, "decorators")
            if isinstance(flask_decorators, (ast.List, ast.Tuple)):
                decorators.extend(flask_decorators.elts)
        for base in bases:
            take(_mixin_auth(ctx, base, classes))
    for dec in decorators:
        for inner in _unwrap_method_decorator(ctx, dec):
            found = decorator_auth(ctx, inner)
            if found is None:
                continue
            if found[0] == "public":
                public = public or found[1]
            else:
                take((found[1], found[2]))
    if h.framework == "drf":
        perms = _drf_permissions(ctx, h)
        if perms is None:
            default = True
        else:
            kind, label, is_admin = perms
            if kind == "public":
                public = public or label
            else:
                take((label, is_admin))
        if h.cls is not None and _empty_authentication(ctx, h.cls):
            auth.clear()
            admin = False
            public = public or "authentication_classes = []"
            default = False
    if h.framework == "fastapi":
        for found in fastapi_dependencies(ctx, h):
            take(found)
    if h.framework == "flask":
        take(_before_request(ctx, h))
    body = h.node if func is not None else None
    if not bodies:
        pass
    elif body is not None:
        take(body_guard(ctx, body))
        admin = admin or body_privileged(ctx, body)
    elif h.cls is not None:
        # Methods a view inherits run the class's own hooks (dispatch, get_object, ...).
        for stmt in _hooks(ctx, h.cls, ("dispatch", "initial", "get_object", "check_permissions")):
            take(body_guard(ctx, stmt))
    if bodies and h.cls is not None and func is not None:
        # A check in dispatch() guards every method of the view.
        for stmt in _hooks(ctx, h.cls, ("dispatch", "initial")):
            if stmt is not func:
                take(body_guard(ctx, stmt))
    if _django_admin(ctx, h):
        admin = True
        auth.append(_ADMIN_SITE)
    if public is None:
        public = is_public_name(h)
    return Protection(auth[0] if auth else None, admin, public, default and not auth, misplaced)


def _hooks(ctx: "FileContext", cls: ast.ClassDef, names: tuple) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The methods named `names` of a view class and of its ancestors defined in this module
    (`class_lineage`): a mixin of the module whose ``dispatch()`` answers 401 or raises
    ``PermissionDenied`` (pretix's ``RecentAuthenticationRequiredMixin``) guards every view
    that inherits it, as a ``dispatch()`` of the view's own does."""
    for c in class_lineage(ctx, cls)[0]:
        for stmt in c.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in names:
                yield stmt


def local_subclasses(ctx: "FileContext", cls: ast.ClassDef) -> list[ast.ClassDef]:
    """The classes of this module that name `cls` among their bases (direct subclasses).
    The index of every class's local bases is built once per file."""
    index = ctx.__dict__.get("_auth_subclasses")
    if index is None:
        index = ctx.__dict__["_auth_subclasses"] = {}
        for node in ctx.nodes_of(ast.ClassDef):
            for base in node.bases:  # type: ignore[attr-defined]
                local = _local_class(ctx, base)
                if local is not None and local is not node:
                    index.setdefault(id(local), []).append(node)
    return index.get(id(cls), [])


def subclasses_authenticate(ctx: "FileContext", h: Handler) -> bool:
    """True when the view class of `h` is subclassed in this module and every subclass adds
    authentication (a mixin, a decorator, a ``dispatch()`` check of its own or of another
    base: `protection` of the subclass serving the same methods). Such a class is a base the
    module's routed views share (pretix's banktransfer ``ImportView``, subclassed as
    ``EventImportView(EventPermissionRequiredMixin, ImportView)``), though its name does not
    say so as ``Base*`` or ``*Mixin`` do."""
    if h.cls is None:
        return False
    subs = local_subclasses(ctx, h.cls)
    if not subs:
        return False
    for sub in subs:
        p = _protection(ctx, Handler(sub, sub.name, h.framework, h.methods, cls=sub))
        if p.auth is None or p.public:
            return False
    return True


# Methods that write what they are called on (Django model and queryset writes, related
# managers, the password setter).
_WRITE_METHODS = frozenset(
    {
        "save", "delete", "update", "create", "remove", "add", "set", "clear", "bulk_create",
        "bulk_update", "get_or_create", "update_or_create", "set_password", "set_unusable_password",
        "asave", "adelete", "aupdate", "acreate",
    }
)
# Hooks of a class-based view that carry its writes and choose its object.
_WRITE_HOOKS = ("post", "put", "patch", "delete", "form_valid", "get_object")


def _rooted_at_caller(ctx: "FileContext", expr: ast.AST) -> bool:
    """``request.user.x``, ``self.request.user.notification_settings.filter(...)``: an
    expression read from the signed-in caller (`is_identity`), through attributes, calls
    and subscripts."""
    cur = expr
    for _ in range(12):
        if isinstance(cur, (ast.Attribute, ast.Name)) and is_identity(ctx, cur):
            return True
        if isinstance(cur, (ast.Attribute, ast.Subscript)):
            cur = cur.value
        elif isinstance(cur, ast.Call):
            cur = cur.func
        else:
            return False
    return False


def writes_only_caller(ctx: "FileContext", h: Handler) -> bool:
    """True when a handler's writes all go to the signed-in caller's own record or to
    objects reached through it (``request.user.notifications_send = ...;
    request.user.save()``, ``request.user.teams.filter(...).delete()``, an ``UpdateView``
    whose ``get_object()`` returns ``self.request.user``), and there is at least one. An
    anonymous caller has no such record (Django's ``AnonymousUser`` cannot be saved and has
    no related managers): the view needs a signed-in user, so the login it lacks here is
    most likely enforced elsewhere (a middleware, ``urls.py``). Read from the handler's
    body, or for an inherited method from the view's write hooks (`_WRITE_HOOKS`)."""
    if isinstance(h.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        funcs: list = [h.node]
    elif h.cls is not None:
        funcs = list(_hooks(ctx, h.cls, _WRITE_HOOKS))
    else:
        return False
    own = False
    for func in funcs:
        for node in _body_nodes(func):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, (ast.Attribute, ast.Subscript)):
                        if _rooted_at_caller(ctx, t.value):
                            own = True
                        elif not (
                            isinstance(t.value, ast.Name) and (t.value.id == "self" or _local_literal(ctx, t.value))
                        ):
                            return False  # self.x = ... keeps state on the view instance
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _WRITE_METHODS:
                receiver = node.func.value
                if _rooted_at_caller(ctx, receiver):
                    own = True
                elif not (isinstance(receiver, ast.Call) and _last(receiver.func) == "super"):
                    return False
            elif isinstance(node, ast.Return) and getattr(func, "name", "") == "get_object" and node.value is not None:
                if not _rooted_at_caller(ctx, node.value):
                    return False
                own = True
    return own


def class_attr(cls: ast.ClassDef, name: str) -> ast.expr | None:
    """The value of ``name = ...`` in a class body (the last one)."""
    found = None
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
            found = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name and stmt.value is not None:
            found = stmt.value
    return found


def _unwrap_method_decorator(ctx: "FileContext", dec: ast.expr) -> list[ast.expr]:
    """``method_decorator(login_required, name="dispatch")`` -> [login_required]; lists too."""
    if isinstance(dec, ast.Call) and _last(dec.func) == "method_decorator" and dec.args:
        first = dec.args[0]
        if isinstance(first, ast.Name):
            value = ctx.reaching_value(first)
            if isinstance(value, (ast.List, ast.Tuple)):
                first = value
        if isinstance(first, (ast.List, ast.Tuple)):
            return list(first.elts)
        return [first]
    return [dec]


_MIXINS = {
    "LoginRequiredMixin": False, "PermissionRequiredMixin": True, "UserPassesTestMixin": False,
    "AccessMixin": False, "StaffuserRequiredMixin": True, "SuperuserRequiredMixin": True,
    "GroupRequiredMixin": True, "StaffRequiredMixin": True, "AdminRequiredMixin": True,
}


def _mixin_auth(ctx: "FileContext", base: ast.expr, classes: list[ast.ClassDef]) -> tuple[str, bool] | None:
    name = _last(base)
    words = set(split_words(name))
    if name in _MIXINS or (_auth_subject(words) and words & _REQUIRE_WORDS and "mixin" in words):
        admin = _MIXINS.get(name, False) or bool(words & _PRIVILEGED_WORDS)
        if name in ("UserPassesTestMixin", "AccessMixin") or not admin:
            # test_func() / handle_no_permission() of the view say who passes.
            for c in classes:
                for stmt in c.body:
                    if isinstance(stmt, ast.FunctionDef) and stmt.name == "test_func":
                        admin = admin or _mentions_admin(ctx, ast.Module(body=stmt.body, type_ignores=[]))
        return (name, admin)
    return None


# DRF permission classes: https://www.django-rest-framework.org/api-guide/permissions/
_DRF_ADMIN = frozenset({"IsAdminUser"})
_DRF_PUBLIC = frozenset({"AllowAny"})


def drf_list(ctx: "FileContext", value: ast.expr | None, depth: int = 0) -> list[ast.expr] | None:
    """The elements of a ``permission_classes`` / ``authentication_classes`` / FastAPI
    ``dependencies=`` value (a list or tuple, also through a module constant); None when it
    is not a literal sequence. A starred constant among them is spread (``(Depends(
    skip_body), *_AUTHENTICATED)`` with ``_AUTHENTICATED = (Depends(user_api_key_auth),)``,
    litellm's OTLP routes); one that is no literal sequence stays as it is."""
    if isinstance(value, ast.Name):
        reached = ctx.reaching_value(value)
        if reached is not None:
            value = reached
    if not isinstance(value, (ast.List, ast.Tuple)):
        return None
    out: list[ast.expr] = []
    for elt in value.elts:
        spread = drf_list(ctx, elt.value, depth + 1) if isinstance(elt, ast.Starred) and depth < 3 else None
        out.extend(spread if spread is not None else [elt])
    return out


def _permission_names(expr: ast.expr) -> Iterator[tuple[str, bool]]:
    """``(class name, or-composed)`` for each class of a permission element."""
    if isinstance(expr, ast.BinOp):
        ored = isinstance(expr.op, ast.BitOr)
        for side in (expr.left, expr.right):
            for name, inner in _permission_names(side):
                yield name, inner or ored
        return
    if isinstance(expr, ast.UnaryOp):
        return
    if isinstance(expr, ast.Call):
        expr = expr.func
    yield _last(expr), False


def drf_permission_value(ctx: "FileContext", h: Handler) -> ast.expr | None:
    """The ``permission_classes`` value that applies to a DRF handler, if written here."""
    func = h.node if isinstance(h.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
    if func is not None and h.cls is None:
        for dec in func.decorator_list:
            if isinstance(dec, ast.Call) and _last(dec.func) == "permission_classes" and dec.args:
                return dec.args[0]
        return None
    if h.cls is not None:
        if func is not None:
            for dec in func.decorator_list:
                if isinstance(dec, ast.Call) and _last(dec.func) == "action":
                    given = _keyword(dec, "permission_classes")
                    if given is not None:
                        return given
        for c in class_lineage(ctx, h.cls)[0]:
            value = class_attr(c, "permission_classes")
            if value is not None:
                return value
    return None


def _drf_permissions(ctx: "FileContext", h: Handler) -> tuple[str, str, bool] | None:
    if h.cls is not None and any(
        isinstance(s, ast.FunctionDef) and s.name == "get_permissions" for c in class_lineage(ctx, h.cls)[0] for s in c.body
    ):
        return ("auth", "get_permissions()", False)
    value = drf_permission_value(ctx, h)
    if value is None:
        return None
    elts = drf_list(ctx, value)
    if elts is None:
        return ("auth", "permission_classes", False)
    if not elts:
        return ("public", "permission_classes = []", False)
    names = [pair for e in elts for pair in _permission_names(e)]
    if any(n in _DRF_PUBLIC and ored for n, ored in names) or all(n in _DRF_PUBLIC for n, _ in names):
        return ("public", "AllowAny", False)
    admin = any(n in _DRF_ADMIN or set(split_words(n)) & _PRIVILEGED_WORDS - {"permission", "permissions"} or n == "DjangoModelPermissions" for n, _ in names)
    real = [n for n, _ in names if n not in _DRF_PUBLIC]
    return ("auth", "permission_classes = [" + ", ".join(real) + "]", admin)


def _empty_authentication(ctx: "FileContext", cls: ast.ClassDef) -> bool:
    for c in class_lineage(ctx, cls)[0]:
        value = class_attr(c, "authentication_classes")
        if value is not None:
            return drf_list(ctx, value) == []
    return False


def _django_admin(ctx: "FileContext", h: Handler) -> bool:
    """Views of the Django admin site: ModelAdmin / AdminSite methods."""
    if h.cls is None:
        return False
    _classes, bases = class_lineage(ctx, h.cls)
    return any(_last(b) in ("ModelAdmin", "AdminSite", "TabularInline", "StackedInline") for b in bases)


# ---- FastAPI dependencies

_DEP_AUTH_WORDS = frozenset(
    {
        "user", "auth", "authenticated", "authenticate", "authorize", "authorized", "token",
        "jwt", "oauth", "oauth2", "bearer", "apikey", "login", "principal", "admin", "superuser",
        "staff", "verify", "verified", "credentials", "credential", "identity", "permission",
        "permissions", "scope", "scopes", "role", "roles", "member", "caller", "signature",
        "current", "me", "logged",
    }
)
_DEP_NOT_AUTH = frozenset(
    {
        "db", "database", "repo", "repository", "service", "services", "settings", "config",
        "client", "cache", "redis", "engine", "storage", "logger", "log", "pagination",
        "paginator", "page", "params", "filter", "filters", "query", "uow", "conn", "connection",
    }
)


def _is_depends(ctx: "FileContext", call: ast.AST) -> bool:
    return isinstance(call, ast.Call) and _last(call.func) in ("Depends", "Security")


def dependency_auth(ctx: "FileContext", call: ast.Call, depth: int = 0) -> tuple[str, bool] | None:
    """``(label, admin)`` when a ``Depends(x)`` / ``Security(x)`` call authenticates."""
    target = call.args[0] if call.args else _keyword(call, "dependency")
    if target is None:
        return None
    label = f"{_last(call.func)}({dotted(target.func if isinstance(target, ast.Call) else target) or '...'})"
    scopes = _keyword(call, "scopes")
    admin_scope = scopes is not None and _mentions_admin(ctx, scopes)
    found = _dependency_target(ctx, target, depth)
    if found is None:
        return None
    return (label, found or admin_scope)


def _dependency_target(ctx: "FileContext", target: ast.AST, depth: int) -> bool | None:
    """None: not an authenticating dependency; else whether it restricts to admins."""
    settings = ctx.settings
    name_expr = target.func if isinstance(target, ast.Call) else target
    name = _last(name_expr)
    words = set(split_words(name))
    admin = bool(words & _PRIVILEGED_WORDS) or (isinstance(target, ast.Call) and any(_mentions_admin(ctx, a) for a in target.args))
    if _named(ctx, name_expr, settings.auth_dependencies):
        return admin
    inst = ctx.instance_of(target) or ctx.qualname(name_expr) or ""
    if inst.startswith(("fastapi.security", "starlette.authentication")):
        return admin
    if words & _DEP_AUTH_WORDS and not words & _DEP_NOT_AUTH:
        return admin
    if "key" in words and words & {"api", "access", "secret", "admin", "device"} and not words & _DEP_NOT_AUTH:
        return admin
    local = _local_function(ctx, name_expr)
    if local is not None and depth < 3:
        for sub in _param_dependencies(ctx, local, depth + 1):
            return admin or sub[1]
        if _raises_auth_failure(ctx, local):
            return admin or _mentions_admin(ctx, ast.Module(body=local.body, type_ignores=[]))
    return None


def _param_dependencies(ctx: "FileContext", func: ast.AST, depth: int = 0) -> Iterator[tuple[str, bool]]:
    for _param, found in _auth_params(ctx, func, depth):
        yield found


def _auth_params(ctx: "FileContext", func: ast.AST, depth: int = 0) -> Iterator[tuple[ast.arg, tuple[str, bool]]]:
    """Parameters of `func` that an authenticating dependency provides."""
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    defaults = dict(zip([p.arg for p in positional[len(positional) - len(args.defaults):]], args.defaults))
    for p, d in zip(args.kwonlyargs, args.kw_defaults):
        if d is not None:
            defaults[p.arg] = d
    for p in [*positional, *args.kwonlyargs]:
        candidates: list[ast.AST] = []
        default = defaults.get(p.arg)
        if default is not None:
            candidates.append(default)
        ann = p.annotation
        if isinstance(ann, ast.Name):
            alias = ctx.reaching_value(ann)
            if alias is not None:
                ann = alias
        if ann is not None:
            candidates.extend(n for n in ast.walk(ann) if _is_depends(ctx, n))
        for cand in candidates:
            if _is_depends(ctx, cand):
                found = dependency_auth(ctx, cand, depth)
                if found is None and _provides_principal(ctx, p, ann):
                    found = (f"{_last(cand.func)}({dotted(cand.args[0]) if cand.args else '...'})", False)
                if found is not None:
                    yield p, found
                    break


# An imported type alias of the signed-in principal's dependency, named by the convention of
# FastAPI's full-stack template (backend/app/api/deps.py: ``CurrentUser = Annotated[User,
# Depends(get_current_user)]``, ``SessionDep``): "Current" then the principal.
# https://github.com/fastapi/full-stack-fastapi-template
_ALIAS_PRINCIPALS = frozenset({"user", "principal", "caller", "identity", "admin", "superuser", "account", "member"})


def imported_principal_alias(ctx: "FileContext", ann: ast.AST | None) -> bool:
    """True for a parameter annotation that names an imported alias of the current user's
    dependency (``user: CurrentActiveUser`` after ``from app.api.deps import
    CurrentActiveUser``; ``CurrentUser``, ``CurrentSuperuser``): a capitalised name, bound by
    an import (the file cannot read the alias), whose words start with ``current`` and end
    with the principal. An alias the module defines is read instead (``_auth_params``)."""
    if not isinstance(ann, ast.Name) or not ann.id[:1].isupper() or ctx.reaching_value(ann) is not None:
        return False
    qualified = ctx.qualname(ann)
    if not qualified or qualified == ann.id or qualified.startswith("builtins."):
        return False
    words = split_words(ann.id)
    return len(words) >= 2 and words[0] == "current" and words[-1] in _ALIAS_PRINCIPALS


# Types too general to name the signed-in principal.
_GENERIC_TYPES = frozenset(
    {
        "dict", "Dict", "Any", "object", "str", "int", "bool", "bytes", "float", "None", "list",
        "List", "tuple", "Tuple", "Mapping", "Optional", "Union", "Request", "Response", "Session",
    }
)


def _declared_type(ann: ast.AST | None) -> str:
    """The type an annotation declares, ``Annotated`` unwrapped (``UserAPIKeyAuth`` in
    ``Annotated[UserAPIKeyAuth, Depends(...)]``); "" for anything but a plain class name."""
    if isinstance(ann, ast.Subscript) and _last(ann.value) == "Annotated":
        sl = ann.slice
        ann = sl.elts[0] if isinstance(sl, ast.Tuple) and sl.elts else sl
    name = dotted(ann) if isinstance(ann, (ast.Name, ast.Attribute)) else ""
    return "" if not name or name.rsplit(".", 1)[-1] in _GENERIC_TYPES else name


def principal_types(ctx: "FileContext") -> frozenset:
    """Types of the principal the module's recognised authenticating dependencies provide:
    ``UserAPIKeyAuth`` when a handler declares ``caller: Annotated[UserAPIKeyAuth,
    Depends(user_api_key_auth)]`` (or ``user: User = Depends(get_current_user)``). Read once
    per file over every function's parameters; a parameter of such a type provided by a
    dependency the module does not show is the principal too (`_provides_principal`)."""
    memo = ctx.__dict__.get("_auth_principal_types")
    if memo is not None:
        return memo
    ctx.__dict__["_auth_principal_types"] = frozenset()  # re-entry guard while reading
    found: set = set()
    for func in ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
        for p, _dep in _auth_params(ctx, func):
            ann = p.annotation
            if isinstance(ann, ast.Name) and isinstance(ctx.reaching_value(ann), ast.Subscript):
                ann = ctx.reaching_value(ann)  # CurrentUser = Annotated[User, Depends(...)]
            name = _declared_type(ann)
            if name:
                found.add(name)
    memo = ctx.__dict__["_auth_principal_types"] = frozenset(found)
    return memo


def _provides_principal(ctx: "FileContext", param: ast.arg, ann: ast.AST | None) -> bool:
    """True for a parameter named for the caller (``caller``, ``user``, ``principal``) whose
    declared type is the principal the module's authenticating dependencies provide
    (`principal_types`), provided by a dependency the linter cannot read (litellm's
    ``caller: Annotated[UserAPIKeyAuth, Depends(archive_writer)]``, ``archive_writer``
    imported from another module, itself built on ``user_api_key_auth``): a dependency that
    produces the authenticated principal authenticates. A parameter named for something
    else (``target: User = Depends(load_target)``, a user loaded by id) is not the caller."""
    words = set(split_words(param.arg))
    if not words & _DEP_AUTH_WORDS or words & _DEP_NOT_AUTH:
        return False
    name = _declared_type(ann)
    return bool(name) and name in principal_types(ctx)


def identity_params(ctx: "FileContext", func: ast.AST) -> frozenset:
    """Names of `func`'s parameters that an authenticating dependency provides."""
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return frozenset()
    memo = ctx.__dict__.setdefault("_auth_identity_params", {})
    if id(func) not in memo:
        memo[id(func)] = frozenset(p.arg for p, _ in _auth_params(ctx, func))
    return memo[id(func)]


def fastapi_dependencies(ctx: "FileContext", h: Handler) -> Iterator[tuple[str, bool]]:
    """``(label, admin)`` for each authenticating dependency of a FastAPI handler: on its
    parameters, in the route's ``dependencies=``, and on its router or app."""
    func = h.node
    if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        yield from _param_dependencies(ctx, func)
    for route in h.routes:
        yield from _listed_dependencies(ctx, _keyword(route.node, "dependencies"))
        receiver = route.node.func.value if isinstance(route.node.func, ast.Attribute) else None
        yield from _registry_dependencies(ctx, receiver)


def _listed_dependencies(ctx: "FileContext", value: ast.expr | None) -> Iterator[tuple[str, bool]]:
    elts = drf_list(ctx, value) if value is not None else None
    for elt in elts or ():
        if _is_depends(ctx, elt):
            found = dependency_auth(ctx, elt)
            if found is not None:
                yield found


def _registry_dependencies(ctx: "FileContext", receiver: ast.AST | None) -> Iterator[tuple[str, bool]]:
    """Dependencies of the router or app a route is registered on (this module only)."""
    if not isinstance(receiver, ast.Name):
        return
    value = ctx.reaching_value(receiver)
    if isinstance(value, ast.Call):
        yield from _listed_dependencies(ctx, _keyword(value, "dependencies"))
    for node in ctx.nodes_of(ast.Call):
        if (
            isinstance(node, ast.Call)
            and _last(node.func) == "include_router"
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id == receiver.id
        ):
            yield from _listed_dependencies(ctx, _keyword(node, "dependencies"))


def unseen_dependencies(ctx: "FileContext", h: Handler) -> bool:
    """True when a FastAPI handler's route, or the router or app it is registered on (made
    in this module), takes ``dependencies=`` from a value that is no literal sequence the file
    shows: ``APIRouter(prefix="/sandboxes", dependencies=get_dependencies())`` (openhands,
    whose helper adds an API-key check in another module). Such dependencies apply to every
    handler alike and most likely authenticate, but the linter cannot read them."""
    for route in h.routes:
        values = [_keyword(route.node, "dependencies")]
        receiver = route.node.func.value if isinstance(route.node.func, ast.Attribute) else None
        if isinstance(receiver, ast.Name):
            made = ctx.reaching_value(receiver)
            if isinstance(made, ast.Call):
                values.append(_keyword(made, "dependencies"))
        if any(v is not None and drf_list(ctx, v) is None for v in values):
            return True
    return False


def _before_request(ctx: "FileContext", h: Handler) -> tuple[str, bool] | None:
    """A Flask ``before_request`` hook on the handler's blueprint (or the app) that checks
    the user protects every handler of it."""
    hooks = ctx.__dict__.get("_auth_hooks")
    if hooks is None:
        hooks = {}
        defs = ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef)
        if ctx.nodes_of(ast.AsyncFunctionDef) and ctx.nodes_of(ast.FunctionDef):
            defs = sorted(defs, key=lambda d: (d.lineno, d.col_offset))  # source order: a later hook wins
        for node in defs:
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for dec in node.decorator_list:
                target = dec.func if isinstance(dec, ast.Call) else dec
                if isinstance(target, ast.Attribute) and target.attr in ("before_request", "before_app_request"):
                    found = body_guard(ctx, node)
                    if found is not None:
                        registry = dotted(target.value)
                        app_wide = target.attr == "before_app_request" or (ctx.instance_of(target.value) or "").endswith(".Flask")
                        hooks[("*" if app_wide else registry)] = (f"@{registry}.{target.attr} {node.name}()", found[1])
        ctx.__dict__["_auth_hooks"] = hooks
    return hooks.get(h.group) or hooks.get("*")


# ---- checks in the body

# Exceptions and responses that refuse a request for want of authentication or permission.
_DENIALS = frozenset(
    {
        "Forbidden", "Unauthorized", "PermissionDenied", "NotAuthenticated", "AuthenticationFailed",
        "HttpResponseForbidden", "HTTPForbidden", "HTTPUnauthorized", "redirect_to_login",
        "PermissionError", "AccessDenied", "unauthorized", "forbidden",
    }
)
_DENIAL_STATUS = frozenset({401, 403})
_STATUS_NAME = lazy_compile(r"(?:^|_)(?:401|403|UNAUTHORIZED|FORBIDDEN)(?:_|$)")
# Calls that verify a caller: Flask-JWT-Extended, PyJWT / python-jose, DRF, Stripe webhooks.
# https://flask-jwt-extended.readthedocs.io/en/stable/api.html#flask_jwt_extended.verify_jwt_in_request
# https://docs.stripe.com/webhooks#verify-official-libraries
_VERIFY_CALLS = frozenset(
    {
        "verify_jwt_in_request", "check_permissions", "check_object_permissions", "construct_event",
        "compare_digest", "authenticate", "get_jwt_identity", "login_required", "has_perm",
        "has_perms", "has_object_permission", "has_permission", "get_current_user",
    }
)
_VERIFY_QUALNAMES = ("jwt.decode", "jose.jwt.decode", "authlib.jose.jwt.decode", "itsdangerous")
_VERBS = frozenset({"verify", "check", "require", "ensure", "authenticate", "authorize", "validate", "assert", "enforce", "get", "load"})
_CHECK_OBJECTS = frozenset(
    {
        "user", "auth", "token", "jwt", "login", "apikey", "signature", "sig", "hmac", "session",
        "permission", "permissions", "perm", "perms", "access", "admin", "staff", "credentials",
        "identity", "caller", "owner", "ownership", "authenticated", "authorized", "webhook",
        "principal", "superuser", "bearer", "secret", "role", "roles", "member", "membership",
    }
)
_STRONG_ATTRS = frozenset({"is_authenticated", "is_anonymous", "is_staff", "is_superuser", "is_admin", "auth"})
_TEST_WORDS = frozenset(
    {
        "token", "apikey", "signature", "sig", "hmac", "digest", "secret", "authorization",
        "auth", "authenticated", "anonymous", "credentials", "logged", "bearer",
        "staff", "superuser", "admin", "role", "roles", "permission", "permissions",
    }
)


# The label of a check of a credential that names no user (a webhook signature, a shared API
# key): it authenticates the endpoint, but does not show that users must sign in elsewhere.
CREDENTIAL_CHECK = "a credential check in the body"
_CREDENTIAL_CALL_WORDS = frozenset({"signature", "sig", "hmac", "digest", "event", "webhook", "key", "apikey", "secret"})


def body_guard(ctx: "FileContext", func: ast.AST) -> tuple[str, bool] | None:
    """``(label, privileged)`` when the function's own body checks the caller: an ``if``
    that tests the user, a credential (token, key, signature, password, a one-time code
    looked up in the database) and stops the request or refuses it with 401 / 403, or a
    verifying call. A test of client data that is no credential (``request.headers.get(
    "X-User-Role") != "admin"``) authenticates nobody."""
    memo = ctx.__dict__.setdefault("_auth_body_guard", {})
    if id(func) in memo:
        return memo[id(func)]
    memo[id(func)] = None  # a function that calls itself, or a cycle of helpers
    found: tuple[str, bool] | None = None
    for node in own_nodes(func):
        if isinstance(node, ast.If):
            exits = _exits(ctx, node.body)
            denial = _denies(ctx, node.body) or _denies(ctx, node.orelse) or (exits and _denies(ctx, _next_statement(ctx, node)))
            kind = (exits or denial) and _authenticates(ctx, node.test, denial)
            if kind:
                label = CREDENTIAL_CHECK if kind == "credential" else "a check of the user in the body"
                found = (label, body_privileged(ctx, func))
                break
        elif type(node) is ast.Try and _stops_on_secret_miss(ctx, node):
            found = (CREDENTIAL_CHECK, False)
            break
        elif isinstance(node, ast.Call) and permission_call(ctx, node, strict=False):
            name = _last(node.func)
            words = set(split_words(name))
            label = CREDENTIAL_CHECK if words & _CREDENTIAL_CALL_WORDS else f"{name}() in the body"
            found = (label, body_privileged(ctx, func) or bool(words & _ADMIN_WORDS))
            break
        elif (
            type(node) is ast.Call
            and (type(node.func) is ast.Name or _last(node.func) in _RUNNERS)
            and (helper := _helper_guard(ctx, node)) is not None
        ):
            found = helper
            break
    memo[id(func)] = found
    return found


# Calls that run the function they are given (at this argument position) with the arguments
# that follow and the keywords: starlette.concurrency.run_in_threadpool(func, *args, **kwargs),
# asyncio.to_thread(func, /, *args, **kwargs), anyio.to_thread.run_sync(func, *args),
# concurrent.futures.Executor.submit(fn, /, *args, **kwargs), loop.run_in_executor(executor,
# func, *args) (https://www.starlette.io/threadpool/, https://docs.python.org/3/library/asyncio-task.html#asyncio.to_thread).
_RUNNERS = {"run_in_threadpool": 0, "to_thread": 0, "run_sync": 0, "submit": 0, "run_in_executor": 1}


def _helper_guard(ctx: "FileContext", call: ast.Call) -> tuple[str, bool] | None:
    """The check in the body of a module function that `call` calls with a value the client
    sent (litellm's ``payload = _decode_connect_code(master_key, body.code)``, whose body
    refuses the request unless ``hmac.compare_digest`` accepts the code's signature), also
    when a thread-pool runner calls it (``await run_in_threadpool(_receive_event,
    body=body, headers=request.headers)``, `_RUNNERS`): the check runs for the caller as if
    written in its body (`body_guard`, one call deep per level, cycles cut)."""
    target, given = call.func, [*call.args, *(k.value for k in call.keywords)]
    position = _RUNNERS.get(_last(call.func))
    if position is not None and len(call.args) > position:
        target, given = call.args[position], [*call.args[position + 1:], *(k.value for k in call.keywords)]
    local = _local_function(ctx, target)
    if local is None or not any(_client_sent(ctx, a) for a in given):
        return None
    return body_guard(ctx, local)


# Words of a lookup's keyword that name a secret the client must hold (``token=``,
# ``initialization_token=``, ``received_secret=``); narrower than `_SECRET_FIELD_WORDS`, whose
# ``code`` and ``key`` also name public natural keys (a country code, a setting's key).
_POSSESSION_WORDS = frozenset({"token", "secret", "otp", "nonce"})


def _stops_on_secret_miss(ctx: "FileContext", node: ast.Try) -> bool:
    """True for a ``try`` that looks an object up by a secret the client sent and stops the
    request when none matches: ``try: device = Device.objects.get(initialization_token=
    request.data["token"]) except Device.DoesNotExist: raise ValidationError(...)`` (pretix's
    device initialisation, an order fetched with ``get_with_secret_check(received_secret=
    ...)``). Only the holder of the secret gets past it: the endpoint authenticates its
    caller by possession, as one comparing the secret with ``hmac.compare_digest`` does."""
    if not node.handlers or not all(_exits(ctx, h.body) for h in node.handlers):
        return False
    for stmt in node.body:
        for call in ast.walk(stmt):
            if type(call) is not ast.Call:
                continue
            name = _last(call.func)
            if not name or not (name in LOOKUP_CALLS or split_words(name)[:1] == ["get"]):
                continue
            for kw in call.keywords:
                if kw.arg and field_words(kw.arg) & _POSSESSION_WORDS and _client_sent(ctx, kw.value):
                    return True
    return False


def _client_sent(ctx: "FileContext", expr: ast.AST) -> bool:
    """`is_client_value`, or a value read from what a form or serializer validated from the
    request (``serializer.validated_data.get("token")`` with ``serializer =
    InitSerializer(data=request.data)``, ``form.cleaned_data["token"]``): the taint engine does
    not follow a value through an unknown class, but the client chose it all the same."""
    if is_client_value(ctx, expr):
        return True
    cur = expr
    for _ in range(6):
        if isinstance(cur, ast.Call):
            cur = cur.func
        elif isinstance(cur, ast.Subscript):
            cur = cur.value
        elif isinstance(cur, ast.Attribute):
            if cur.attr in ("validated_data", "cleaned_data") and type(cur.value) is ast.Name:
                made = ctx.reaching_value(cur.value)
                return isinstance(made, ast.Call) and any(
                    is_client_value(ctx, a) for a in [*made.args, *(k.value for k in made.keywords)]
                )
            cur = cur.value
        else:
            return False
    return False


# Words of a value the client sends as its own credential: a challenge or reset token, a
# one-time secret, an ``Authorization`` header, a signature.
_HELD_WORDS = _POSSESSION_WORDS | frozenset({"authorization", "signature"})
# Verbs of calls that keep or send what they are given rather than check it: a token the
# client submits to be stored (an integration's API token) authenticates nobody.
_KEEP_VERBS = frozenset(
    {
        "save", "store", "set", "update", "create", "add", "insert", "put", "write", "register",
        "upsert", "persist", "append", "send", "log", "print", "info", "debug", "warning", "error",
    }
)
# Verbs of calls that take over a whole request: an SDK's request handler (slack_bolt's
# ``handler.handle(req)``) verifies the sender's signature itself.
_HANDOFF_VERBS = frozenset({"handle", "dispatch", "process"})


def forwards_credential(ctx: "FileContext", func: ast.AST) -> bool:
    """True when a handler hands a credential the client sent to a call that can check it:
    a body field or form value named for a token or secret (open-webui's
    ``mfa.confirm_mfa_enrollment(form_data.challenge_token.get_secret_value(), ...)``, an
    RFC 7009 ``revoke_refresh_token(token=token, ...)``), the ``Authorization`` header
    (Bot Framework's ``adapter.process_activity(activity, auth_header, ...)``), or the whole
    request to another request handler (``slack_handler.handle(req)``). The check happens
    in code the file does not show, so this only makes a finding less likely (AIS301 lowers
    it): the callee may verify the credential, or may not. A call that stores or sends the
    value (``save_token(...)``, ``logger.info(...)``) does not count."""
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    memo = ctx.__dict__.setdefault("_auth_forwards_credential", {})
    if id(func) in memo:
        return memo[id(func)]
    args = func.args
    requests = {
        a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]
        if a.arg in REQUEST_NAMES or _last(a.annotation) == "Request"
    }
    found = False
    for node in own_nodes(func):
        if type(node) is not ast.Call:
            continue
        name = _last(node.func)
        words = split_words(name) if name else []
        if not words or words[0] in _KEEP_VERBS or name in _RESPONSE_CALLS:
            continue
        given = [*node.args, *(k.value for k in node.keywords)]
        if words[0] in _HANDOFF_VERBS and isinstance(node.func, ast.Attribute) and any(
            type(a) is ast.Name and a.id in requests for a in given
        ):
            found = True
            break
        if any(_held_credential(ctx, a) for a in given):
            found = True
            break
    memo[id(func)] = found
    return found


def _held_credential(ctx: "FileContext", expr: ast.AST, depth: int = 0) -> bool:
    """`expr` reads a credential the client sent (`forwards_credential`): an attribute,
    parameter or key named for one (``form_data.challenge_token``, ``token``,
    ``request.headers.get("Authorization")``), also through a local name bound to it."""
    methods = {id(n.func) for n in ast.walk(expr) if type(n) is ast.Call}
    for node in ast.walk(expr):
        words: set = set()
        if type(node) is ast.Attribute and id(node) not in methods:  # not .get_secret_value()
            words = set(split_words(node.attr))
        elif type(node) is ast.Name:
            words = set(split_words(node.id))
            if not words & _HELD_WORDS and depth < 2:
                value = ctx.reaching_value(node)
                if value is not None and _held_credential(ctx, value, depth + 1):
                    return True
        elif type(node) is ast.Subscript:
            key = ctx.const_str(node.slice)
            words = set(split_words(key)) if key else set()
        elif type(node) is ast.Call and _last(node.func) == "get" and node.args:
            key = ctx.const_str(node.args[0])
            words = set(split_words(key)) if key else set()
        if words & _HELD_WORDS and _client_sent(ctx, node):
            return True
    return False


def body_privileged(ctx: "FileContext", func: ast.AST) -> bool:
    """True when the body restricts the handler to administrators, staff, a role or a
    model-wide permission (``if not current_user.is_admin: abort(403)``, ``assert
    request.user.is_staff``, ``if not request.user.has_perm("app.change_x")``), however
    weak the check (other rules judge an ``assert`` or a role read from a cookie)."""
    for node in own_nodes(func):
        if isinstance(node, ast.If) and (_exits(ctx, node.body) or _denies(ctx, node.body)) or isinstance(node, ast.Assert):
            if _mentions_admin(ctx, node.test):
                return True
    return False


def _next_statement(ctx: "FileContext", node: ast.stmt) -> list[ast.stmt]:
    parent = ctx.parent(node)
    for field in ("body", "orelse", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list) and node in block:
            i = block.index(node)
            return block[i + 1:i + 2]
    return []


def permission_call(ctx: "FileContext", call: ast.Call, strict: bool = True) -> bool:
    """A call that verifies the caller or its rights: ``verify_jwt_in_request()``,
    ``check_object_permissions(...)``, ``require_api_key(...)``, ``hmac.compare_digest``,
    ``aisec-permission-checks``. With `strict`, only calls about permissions and ownership
    (not those that only authenticate)."""
    name = _last(call.func)
    if not name:
        return False
    if _named(ctx, call.func, ctx.settings.permission_checks):
        return True
    words = split_words(name)
    wordset = set(words)
    if strict:
        return bool(
            wordset & {"permission", "permissions", "perm", "perms", "owner", "ownership", "owns", "access", "authorize", "authorized", "membership"}
            and (wordset & _VERBS or wordset & {"has", "can", "is", "may"})
        ) or name in ("check_object_permissions", "has_object_permission", "has_perm")
    if name in _VERIFY_CALLS:
        return True
    qn = ctx.qualname(call.func) or ""
    if qn.startswith(_VERIFY_QUALNAMES) and name in ("decode", "loads", "unsign"):
        return qn.startswith(("jwt", "jose", "authlib"))
    if words and words[0] in _VERBS and wordset & _CHECK_OBJECTS:
        return words[0] != "get" or "current" in wordset
    if "key" in wordset and wordset & {"api", "access"} and words and words[0] in _VERBS:
        return True
    return False


_EXIT_CALLS = frozenset({"abort", "exit", "redirect", "HttpResponseRedirect"})


def _exit_node(node: ast.AST) -> bool:
    return isinstance(node, (ast.Return, ast.Raise)) or (isinstance(node, ast.Call) and _last(node.func) in _EXIT_CALLS)


def _denial_node(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool) and value in _DENIAL_STATUS:
            return True
        return isinstance(value, str) and bool(set(split_words(value)) & {"login", "signin"})
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return name in _DENIALS or bool(_STATUS_NAME.search(name))
    return False


def _holds(ctx: "FileContext", body: list[ast.stmt], test: Callable[[ast.AST], bool]) -> bool:
    """True when a node of the statements in `body` (nested ones included, as `ast.walk`
    finds them) passes `test`. The answer for each statement is memoised per file and built
    from its children's: the body guards ask about every ``if`` of a function and about the
    ``if`` blocks inside those, so a plain walk per question costs the nesting depth times
    the function's size (pretix's 200-line views)."""
    memo = ctx.__dict__.setdefault("_auth_holds", {}).setdefault(test, {})
    return any(_stmt_holds(stmt, test, memo) for stmt in body)


def _stmt_holds(stmt: ast.AST, test: Callable[[ast.AST], bool], memo: dict[int, bool]) -> bool:
    found = memo.get(id(stmt))
    if found is None:
        found = test(stmt)
        if not found:
            for child in ast.iter_child_nodes(stmt):
                if isinstance(child, ast.expr):
                    found = any(test(n) for n in ast.walk(child))
                else:  # statements, handlers, match cases, arguments...
                    found = _stmt_holds(child, test, memo)
                if found:
                    break
        memo[id(stmt)] = found
    return found


def _exits(ctx: "FileContext", body: list[ast.stmt]) -> bool:
    """True when the statements return, raise, abort, exit or redirect somewhere."""
    return _holds(ctx, body, _exit_node)


def _denies(ctx: "FileContext", body: list[ast.stmt]) -> bool:
    """True when a branch answers 401 / 403, raises a permission error or redirects to login."""
    return _holds(ctx, body, _denial_node)


_CREDENTIAL_WORDS = frozenset(
    {
        "token", "apikey", "signature", "sig", "hmac", "digest", "secret", "password", "passwd",
        "authorization", "bearer", "otp", "credentials", "credential", "jwt",
    }
)
_KEY_QUALIFIERS = frozenset({"api", "access", "secret", "device", "admin", "partner", "internal", "service", "client"})


def _authenticates(ctx: "FileContext", test: ast.AST, denial: bool) -> str | None:
    """``"user"`` when an ``if`` test checks the signed-in user, ``"credential"`` when it
    checks a credential (a token, key, signature, password or one-time code), else None.

    Whether the test reads a client value (`is_client_value`, a taint query that may build
    the flow of the whole function and of the module's top-level code) is asked last and
    only when it decides the answer: no earlier test of the walk depends on it (it only
    stops further queries once True), a credential word answers "credential" and a test
    that is neither weak nor followed by a denial answers None whatever it reads. Only for
    a weak or denying test does a client value turn "user" into None, and then the same
    nodes are asked in the same walk order. A query is pure (its memos aside), so the
    answer is the one the single walk gave; a 50,000-line module no longer pays a
    module-wide taint pass for an ``if self.user is not None:`` that nothing would judge."""
    credential = weak = False
    candidates: list[ast.AST] = []
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr in _STRONG_ATTRS:
            return "user"
        if isinstance(node, ast.Call) and permission_call(ctx, node, strict=False):
            return "credential" if set(split_words(_last(node.func))) & _CREDENTIAL_CALL_WORDS else "user"
        if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) and is_identity(ctx, node):
            return "user"
        if isinstance(node, ast.Name) and _secret_lookup(ctx, node):
            return "credential"
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            if any(_is_session(ctx, c) for c in node.comparators) and _session_key_is_user(ctx, node.left):
                return "user"
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        text = ctx.const_str(node) if isinstance(node, ast.Constant) else None
        for item in (name, text if text and len(text) < 60 else None):
            if item:
                words = set(split_words(item))
                if words & _CREDENTIAL_WORDS or ("key" in words and words & _KEY_QUALIFIERS):
                    credential = True
                elif words & _TEST_WORDS:
                    weak = True
        if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)):
            candidates.append(node)
    if credential:
        return "credential"
    if not (weak or denial):
        return None
    if any(is_client_value(ctx, node) for node in candidates):
        return None
    return "user"


# ---------------------------------------------------------------------------- identity

_IDENTITY_NAMES = frozenset({"current_user", "current_account", "current_member", "current_tenant", "me"})
_IDENTITY_CALLS = frozenset({"get_jwt_identity", "get_current_user", "current_user", "get_jwt", "get_current_identity"})
_USER_KEY_WORDS = frozenset({"user", "uid", "account", "member", "owner", "customer"})


def _is_session(ctx: "FileContext", expr: ast.AST) -> bool:
    """The server-side session: Flask's ``session``, ``request.session`` (Django,
    Starlette)."""
    qn = ctx.qualname(expr) or ""
    if qn in ("flask.session", "quart.session"):
        return True
    return isinstance(expr, ast.Attribute) and expr.attr == "session" and _last(expr.value) in REQUEST_NAMES


def _session_key_is_user(ctx: "FileContext", key: ast.AST | None) -> bool:
    s = ctx.const_str(key)
    return bool(s) and bool(set(split_words(s)) & _USER_KEY_WORDS)


def is_identity(ctx: "FileContext", expr: ast.AST, depth: int = 0) -> bool:
    """True when `expr` is (or is read from) the authenticated caller: ``current_user``,
    ``request.user``, ``self.request.user``, ``g.user``, ``request.auth``,
    ``get_jwt_identity()``, the session's user id, a parameter an authenticating FastAPI
    dependency provides, or a name bound to one of those."""
    if depth > 6:
        return False
    cur = expr
    for _ in range(12):
        if isinstance(cur, ast.Attribute):
            if cur.attr in ("user", "auth", "current_user", "principal") and _last(cur.value) in ("request", "req", "g", "state", "scope"):
                return True
            cur = cur.value
        elif isinstance(cur, ast.Subscript):
            if _is_session(ctx, cur.value) and _session_key_is_user(ctx, cur.slice):
                return True
            cur = cur.value
        elif isinstance(cur, ast.Call):
            name = _last(cur.func)
            if name in _IDENTITY_CALLS:
                return True
            if isinstance(cur.func, ast.Attribute) and name == "get" and _is_session(ctx, cur.func.value):
                return bool(cur.args) and _session_key_is_user(ctx, cur.args[0])
            if isinstance(cur.func, ast.Attribute) and name in ("get", "current_user"):
                cur = cur.func.value
                continue
            return False
        else:
            break
    if not isinstance(cur, ast.Name):
        return False
    if cur.id in _IDENTITY_NAMES or (ctx.qualname(cur) or "").endswith(".current_user"):
        return True
    func = ctx.enclosing_function(cur)
    if func is not None and cur.id in identity_params(ctx, func):
        return True
    binds = ctx.bindings_of(cur)
    if binds and all(b.kind == "param" for b in binds):
        return False
    value = ctx.reaching_value(cur)
    if value is not None and value is not expr:
        return is_identity(ctx, value, depth + 1)
    return False


# ---------------------------------------------------------------------------- public

# Endpoints that are public by design: sign-in, sign-up, sign-out (also OIDC back-channel
# logout), password-reset request and confirm, token issuing, OAuth callbacks, email
# confirmation, the second factor of a sign-in, health checks.
# https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html
_PUBLIC_TRIGGERS = frozenset(
    {
        "login", "logout", "signin", "signout", "signup", "logon", "logoff", "register",
        "registration", "health", "healthz", "healthcheck", "liveness", "livez", "readiness",
        "readyz", "ping", "heartbeat", "forgot", "token", "tokens", "callback", "authorize",
        "contact", "newsletter",
    }
)
_PAIRS = {("sign", "in"), ("sign", "up"), ("sign", "out"), ("log", "in"), ("log", "out")}
_GENERIC = frozenset(
    {
        "user", "users", "account", "accounts", "api", "view", "views", "page", "form", "endpoint",
        "handler", "route", "do", "post", "get", "put", "submit", "request", "requests", "v1", "v2",
        "v3", "auth", "local", "email", "password", "pwd", "passwd", "pw", "me", "the", "for",
        "access", "jwt", "basic", "session", "web", "confirm", "confirmation", "verify", "done",
        "complete", "start", "begin", "oauth", "oauth2", "github", "google", "gitlab",
        "microsoft", "facebook", "twitter", "apple", "provider", "social", "sso", "oidc", "saml",
        "with", "via", "by", "to", "check", "probe", "obtain", "refresh", "pair", "apiview",
        "viewset", "set", "action", "handle", "process", "send", "link", "code", "otp", "mfa",
        "magic", "reset", "recover", "recovery", "admin", "staff", "index", "status", "live",
        "ready", "app", "service", "and", "in", "up", "out", "sign", "log", "bearer",
        "authentication", "authenticate", "issue", "activate", "activation", "verification", "us",
        "authn", "webauthn", "passkey", "passkeys", "totp", "2fa", "two", "factor", "reauthenticate",
        "challenge", "backchannel", "frontchannel",
    }
)


# The kinds of client that start a sign-in flow (``cli_sso_start``).
_SIGN_IN_CLIENTS = frozenset({"cli", "device", "desktop", "mobile", "browser", "ui", "web"})


def is_public_name(h: Handler) -> str | None:
    """Why a handler is public by design, read from its name or route path (``login``,
    ``register``, ``password_reset``, ``token``, ``oauth_callback``, ``healthz``)."""
    names = [h.name.replace(".", "_")]
    for path in h.paths:
        names.extend(seg for seg in path.split("/") if seg and not seg.startswith(("<", "{", ":")))
    for name in names:
        reason = _public_words(split_words(name))
        if reason:
            return reason
    return None


def _public_words(words: list[str]) -> str | None:
    if not words:
        return None
    wordset = set(words)
    triggers = wordset & _PUBLIC_TRIGGERS
    for a, b in zip(words, words[1:]):
        if (a, b) in _PAIRS:
            triggers.add(f"{a}-{b}")
    if wordset & {"reset", "recover", "recovery", "forgot"} and wordset & {"password", "pwd", "passwd", "pw"}:
        triggers.add("password reset")
    if wordset & {"confirm", "verify", "activate", "activation", "verification", "confirmation"} and wordset & {"email", "account", "registration", "signup"}:
        triggers.add("email confirmation")
    if wordset & {"mfa", "2fa", "totp", "otp", "factor"} and wordset & {"verify", "challenge", "validate", "login", "signin"}:
        # The second factor of a sign-in: the session does not exist yet (open-webui's
        # /mfa/verify takes the challenge token the password step issued).
        triggers.add("second-factor")
    protocol: set = set()
    for a, b in zip(words, words[1:]):
        if a == "device" and b in ("authorization", "code"):
            # RFC 8628's device authorization request: the client has no user yet; the
            # endpoint hands out a device code and a user code and grants nothing.
            triggers.add("device authorization")
            protocol.update((a, b))
    if wordset & {"sso", "oidc", "saml", "oauth", "oauth2"} and wordset & {"start", "begin", "initiate", "init"}:
        # The first step of a sign-in flow (``/sso/cli/start``): the caller signs in after it.
        triggers.add("sign-in start")
        protocol.update(wordset & _SIGN_IN_CLIENTS)
    if words[0] in ("create", "new", "open") and len(words) >= 2 and words[1] in ("account", "user") and len(words) <= 3:
        # POST /users, create_user(user_in): the sign-up of REST APIs and the FastAPI tutorial.
        triggers.add("sign-up")
        wordset = wordset - {words[0]}
    if not triggers:
        return None
    if "token" in triggers or "tokens" in triggers:
        # Issuing a token is public; revoking or listing a user's tokens is not.
        if wordset - _GENERIC - _PUBLIC_TRIGGERS:
            return None
    leftover = wordset - _PUBLIC_TRIGGERS - _GENERIC - protocol
    if leftover - {"forgot", "reset", "password", "email", "account", "registration", "signup"}:
        return None
    return f"{sorted(triggers)[0]} endpoint"


def _raises_auth_failure(ctx: "FileContext", func: ast.AST) -> bool:
    for node in own_nodes(func):
        if isinstance(node, ast.If) and _exits(ctx, node.body) and _authenticates(ctx, node.test, _denies(ctx, node.body)):
            return True
    return False


# ---------------------------------------------------------------------------- ORM queries

# Calls that end a query with one object, or change or delete what it matched: SQLAlchemy
# (Query.get / first / one / scalar_one, Session.get), Flask-SQLAlchemy (get_or_404,
# first_or_404, one_or_404), Django (QuerySet.get / first / last / update / delete and the
# async a* forms, get_object_or_404).
LOOKUP_CALLS = frozenset(
    {
        "get", "get_or_404", "get_one", "first", "first_or_404", "one", "one_or_none", "one_or_404",
        "scalar", "scalar_one", "scalar_one_or_none", "get_object_or_404", "update", "delete", "last",
        "aget", "afirst", "alast", "aupdate", "adelete", "aget_object_or_404",
    }
)
# Calls whose keywords and comparisons filter a query.
FILTER_CALLS = frozenset(
    {"get", "aget", "get_or_404", "get_one", "filter", "filter_by", "where", "get_object_or_404", "aget_object_or_404"}
)
# Calls that take a whole statement or queryset as their first argument.
_STATEMENT_CALLS = frozenset(
    {"execute", "exec", "scalars", "scalar", "first_or_404", "one_or_404", "get_object_or_404", "aget_object_or_404"}
)
_SESSION_WORDS = frozenset({"session", "db", "database", "sess", "orm", "conn", "connection"})
# Fields that tie an object to its owner, tenant or team.
OWNER_WORDS = frozenset(
    {
        "owner", "owners", "user", "users", "author", "creator", "tenant", "org", "organization",
        "organisation", "account", "team", "company", "workspace", "customer", "member", "members",
        "assignee", "uploader", "seller", "buyer", "created", "household", "care",
    }
)
# Fields holding a one-time secret the client proves possession of (pairing codes, invite
# and reset tokens, OTPs).
_SECRET_FIELD_WORDS = frozenset({"code", "token", "otp", "pin", "nonce", "secret", "key", "hash", "digest"})


def is_model_name(expr: ast.AST | None) -> bool:
    """A class-like name (``Note``, ``models.Note``), not a constant (``CACHE_KEY``)."""
    name = expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else ""
    return bool(name) and name[0].isupper() and not name.isupper()


class Query:
    """The calls and names an ORM query is built from, and the model it reads."""

    __slots__ = ("calls", "receivers", "model")

    def __init__(self, calls: list, receivers: list, model: str | None) -> None:
        self.calls = calls
        self.receivers = receivers
        self.model = model

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Query):
            return NotImplemented
        return (self.calls, self.receivers, self.model) == (other.calls, other.receivers, other.model)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as a dataclass)

    def __repr__(self) -> str:
        return f"Query(calls={self.calls!r}, receivers={self.receivers!r}, model={self.model!r})"


def query_of(ctx: "FileContext", call: ast.Call) -> Query:
    """The query a call ends, followed through its receiver, the statement it runs
    (``session.execute(select(M).where(...))``) and the names the query was assigned to
    (bounded). A name bound to a single object (``note = Note.query.get(1)``) ends it."""
    calls: list[ast.Call] = []
    receivers: list[ast.AST] = []
    seen: set[int] = set()
    work: list[tuple[ast.AST, int]] = [(call, 0)]
    while work:
        node, depth = work.pop()
        for _ in range(40):
            if isinstance(node, ast.Call):
                if id(node) in seen:
                    break
                seen.add(id(node))
                calls.append(node)
                if _last(node.func) in _STATEMENT_CALLS and node.args and isinstance(node.args[0], (ast.Call, ast.Name, ast.Attribute)):
                    work.append((node.args[0], depth))
                node = node.func
            elif isinstance(node, ast.Attribute):
                receivers.append(node)
                node = node.value
            elif isinstance(node, ast.Name):
                receivers.append(node)
                if depth < 3:
                    value = ctx.reaching_value(node)
                    if isinstance(value, ast.Await):
                        value = value.value
                    if isinstance(value, (ast.Call, ast.Attribute)) and not (
                        isinstance(value, ast.Call) and _last(value.func) in LOOKUP_CALLS
                    ):
                        work.append((value, depth + 1))
                break
            else:
                break
    return Query(calls, receivers, _query_model(ctx, calls, receivers))


def _session_like(ctx: "FileContext", expr: ast.AST) -> bool:
    inst = ctx.instance_of(expr) or ""
    if inst.startswith(("sqlalchemy", "sqlmodel", "flask_sqlalchemy")):
        return True
    return bool(set(split_words(dotted(expr).replace(".", "_"))) & _SESSION_WORDS)


def _query_model(ctx: "FileContext", calls: list, receivers: list) -> str | None:
    for r in receivers:
        if isinstance(r, ast.Attribute) and r.attr in ("objects", "query") and is_model_name(r.value):
            return _last(r.value)
    for c in calls:
        name = _last(c.func)
        if name in ("query", "select") and c.args and is_model_name(c.args[0]):
            return _last(c.args[0])
        if name in ("get_object_or_404", "aget_object_or_404") and c.args and is_model_name(c.args[0]):
            return _last(c.args[0])
        if (
            name in ("get", "get_or_404", "get_one", "aget")
            and len(c.args) >= 2
            and is_model_name(c.args[0])
            and isinstance(c.func, ast.Attribute)
            and _session_like(ctx, c.func.value)
        ):
            return _last(c.args[0])
    return None


def query_filters(ctx: "FileContext", query: Query) -> Iterator[tuple[str, ast.expr]]:
    """``(field, value)`` for every filter of a query: keywords (``pk=pk``,
    ``owner=request.user``), comparisons (``Model.id == x``, ``Model.id.in_(ids)``), ``Q(...)``
    and the positional id of ``query.get(id)`` / ``session.get(Model, id)`` (field ``"id"``)."""
    for c in query.calls:
        name = _last(c.func)
        if name not in FILTER_CALLS:
            continue
        if name in ("get", "get_or_404", "get_one", "aget") and c.args:
            if len(c.args) >= 2 and is_model_name(c.args[0]):
                yield "id", c.args[1]
            elif len(c.args) == 1 and not is_model_name(c.args[0]) and not isinstance(c.args[0], ast.Call):
                yield "id", c.args[0]
        for kw in c.keywords:
            if kw.arg:
                yield kw.arg, kw.value
        for arg in c.args:
            for node in ast.walk(arg):
                if isinstance(node, ast.Compare) and len(node.comparators) == 1 and isinstance(node.ops[0], (ast.Eq, ast.Is, ast.In)):
                    left, right = node.left, node.comparators[0]
                    if isinstance(right, ast.Attribute) and is_model_name(right.value) and not (
                        isinstance(left, ast.Attribute) and is_model_name(left.value)
                    ):
                        left, right = right, left
                    if isinstance(left, ast.Attribute):
                        yield left.attr, right
                elif (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "in_"
                    and isinstance(node.func.value, ast.Attribute)
                    and node.args
                ):
                    yield node.func.value.attr, node.args[0]
                elif isinstance(node, ast.Call) and _last(node.func) == "Q":
                    for kw in node.keywords:
                        if kw.arg:
                            yield kw.arg, kw.value


def field_words(field: str) -> set:
    """Words of a filter field, without Django's lookup suffix (``owner__id`` -> {owner})."""
    return set(split_words(field.split("__", 1)[0]))


def is_client_value(ctx: "FileContext", expr: ast.AST) -> bool:
    """True when untrusted input (a request value, a route parameter) reaches `expr`,
    whatever casts it went through (``int(request.args["id"])`` still names the client's
    choice)."""
    return any(lab.kind == "source" for lab in ctx.taint.of(expr))


def _secret_lookup(ctx: "FileContext", name: ast.Name) -> bool:
    """A name bound to a query filtered on a one-time secret the client sent
    (``PairingCode.code == body.code``, ``Invite.objects.get(token=token)``)."""
    value = ctx.reaching_value(name)
    if isinstance(value, ast.Await):
        value = value.value
    if not isinstance(value, ast.Call):
        return False
    query = query_of(ctx, value)
    if query.model is None:
        return False
    return any(
        field_words(field) & _SECRET_FIELD_WORDS and is_client_value(ctx, v) for field, v in query_filters(ctx, query)
    )


# ---------------------------------------------------------------------------- state changes

# Calls that only read or shape the response: a POST handler made only of these answers a
# query (``POST /products/batch`` with ids in the body) or sets a preference cookie on its
# response; it changes nothing on the server.
_READ_VERBS = frozenset(
    {
        "get", "find", "search", "list", "fetch", "load", "read", "query", "count", "lookup",
        "filter", "render", "make", "format", "parse", "validate", "check", "is", "has", "dumps",
        "loads", "serialize", "to", "as", "compute", "calculate", "preview", "estimate", "quote",
        "convert", "encode", "decode", "escape", "url", "abort", "redirect", "jsonify", "info",
        "debug", "warning", "error", "exception", "log", "paginate", "order", "select", "where",
    }
)
# Methods of strings, containers and query objects that read, matched by their whole name.
_READ_METHODS = frozenset(
    {
        "strip", "lower", "upper", "split", "join", "replace", "startswith", "endswith", "items",
        "keys", "values", "append", "extend", "isoformat", "hexdigest", "digest", "contains",
        "exists", "first", "all", "one", "scalar", "scalars", "limit", "offset", "model_dump",
        "dict", "json", "text", "one_or_none", "scalar_one", "first_or_404", "get_or_404",
    }
)
_RESPONSE_CALLS = frozenset(
    {
        "jsonify", "make_response", "render_template", "render", "redirect", "url_for", "abort",
        "JsonResponse", "HttpResponse", "Response", "HTMLResponse", "PlainTextResponse",
        "RedirectResponse", "JSONResponse", "HTTPException", "HttpResponseRedirect", "TemplateResponse",
        "len", "str", "int", "float", "bool", "dict", "list", "tuple", "set", "sorted", "min", "max",
        "sum", "any", "all", "isinstance", "enumerate", "zip", "range", "reversed", "round", "abs",
        "print", "escape", "gettext", "_", "frozenset", "MappingProxyType",
        # Django REST framework's answer builders: APIView.finalize_response and
        # rest_framework.views.exception_handler (https://www.django-rest-framework.org/api-guide/exceptions/).
        "finalize_response", "exception_handler",
    }
)
# Response methods that only shape what is sent back.
_RESPONSE_METHODS = frozenset({"set_cookie", "delete_cookie", "set_signed_cookie", "set_etag", "set_data"})


def changes_state(ctx: "FileContext", func: ast.AST) -> bool:
    """False when a handler's body only reads and answers: every call reads (``get_*``,
    ``find_*``, ``search``, ``jsonify``, ``render``, ``set_cookie`` on its response) and it
    assigns only to its own locals and response objects. A call to a function of the module
    reads when that function's body does (``return _otlp_error(content_type, 410, "...")``,
    a helper that builds the ``Response``). Unknown calls count as changes."""
    memo = ctx.__dict__.setdefault("_auth_changes_state", {})
    if id(func) not in memo:
        memo[id(func)] = True  # a function that calls itself changes state, for all we know
        memo[id(func)] = _changes_state(ctx, func)
    return memo[id(func)]


def _body_nodes(func: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function's body statements (not its decorators, defaults or nested defs)."""
    work = list(getattr(func, "body", []))
    while work:
        node = work.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        yield node
        work.extend(ast.iter_child_nodes(node))


def _changes_state(ctx: "FileContext", func: ast.AST) -> bool:
    for node in _body_nodes(func):
        if isinstance(node, ast.Call):
            name = _last(node.func)
            if name in _RESPONSE_CALLS:
                continue
            if name in _RESPONSE_METHODS and isinstance(node.func, ast.Attribute) and _is_response(ctx, node.func.value):
                continue
            if name in _READ_METHODS and isinstance(node.func, ast.Attribute):
                continue
            local = _local_function(ctx, node.func) if type(node.func) is ast.Name else None
            if local is not None and not changes_state(ctx, local):
                continue  # a function of the module that only builds an answer (a static 410)
            words = split_words(name) if name else []
            if not words or words[0] not in _READ_VERBS:
                return True
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if isinstance(target, (ast.Attribute, ast.Subscript)):
                    root = target
                    while isinstance(root, (ast.Attribute, ast.Subscript)):
                        root = root.value
                    if not (isinstance(root, ast.Name) and (_is_response(ctx, root) or _local_literal(ctx, root))):
                        return True
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            return True
    return False


def _is_response(ctx: "FileContext", expr: ast.AST) -> bool:
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return isinstance(value, ast.Call) and _last(value.func) in _RESPONSE_CALLS
    return isinstance(expr, ast.Call) and _last(expr.func) in _RESPONSE_CALLS


def _local_literal(ctx: "FileContext", name: ast.Name) -> bool:
    value = ctx.reaching_value(name)
    return isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp))
