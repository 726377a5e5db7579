"""AIS304 insecure-direct-object-reference: an object loaded by a client-supplied id with no owner scope.

## What it does
Flags an ORM lookup, in a handler that authenticates its caller, that fetches, changes or
deletes one object by an id the client supplies (a route parameter, ``request.args`` /
``request.GET`` / JSON body value, ``self.kwargs["pk"]``) when neither the query nor the code
after it ties the object to the current user:

- lookups: Flask-SQLAlchemy ``Model.query.get(id)`` / ``get_or_404`` / ``filter_by(id=
  id).first()`` / ``filter(Model.id == id).first()``, ``db.session.get(Model, id)``,
  ``db.get_or_404(Model, id)``, ``session.query(Model).get(id)``, SQLAlchemy 2.0 and SQLModel
  ``session.execute(select(Model).where(Model.id == id)).scalar_one()`` /
  ``session.exec(...).first()``; Django ``get_object_or_404(Model, pk=pk)``,
  ``Model.objects.get(pk=...)``, ``Model.objects.filter(pk=...).update(...)`` /
  ``.delete()`` / ``.first()``;
- a scope is a second filter on the caller (``owner=request.user``, ``user_id=
  current_user.id``, ``Model.owner_id == user.id``, a tenant or organisation field not taken
  from the client), a query that starts from the caller (``request.user.notes.get(
  pk=pk)``, a queryset variable built that way), a manager or queryset method given the
  caller (``Project.objects.for_user(request.user)``) or a filter on a parent object loaded
  that way (``FileUpload.objects.filter(project=project, id__in=ids)``);
- an ownership check afterwards (of the object kept in a name or on the instance,
  ``self.upload``) is a comparison of the object (or the id) with the caller
  (``if note.owner_id != current_user.id: abort(403)``, ``if note.user != request.user``,
  ``assert``), a permission call on it (``check_object_permissions``,
  ``has_object_permission``, ``user.has_perm("...", obj)``, ``obj.can_edit(user)``, a
  check of the caller on a related object, ``obj.project.has_permission(request.user)``,
  your ``aisec-permission-checks``), or a check of a secret against the object that proves the
  client holds it (``default_token_generator.check_token(user, token)`` in a password-reset
  link, ``user.check_password(...)``, a token attribute compared with what the client sent).

Also flags a DRF viewset or generic detail view whose ``queryset = Model.objects.all()`` is
not narrowed by ``get_queryset`` when the module shows that the model's objects belong to
users (it saves them with ``owner=self.request.user``, filters them by owner elsewhere, or
declares an owner foreign key) and only ``IsAuthenticated``-style permissions apply (low
confidence when the view sets no ``permission_classes``: the project's
``DEFAULT_PERMISSION_CLASSES``, which one file does not show, may check objects).

Handlers restricted to privileged callers are not reported: they are meant to reach every
object. That is administrators and staff (``staff_member_required``,
``user_passes_test(lambda u: u.is_staff)``, ``IsAdminUser``, ``admin_required``, an admin
dependency, ``if not current_user.is_admin: abort(403)``, ``aisec-admin-decorators``),
holders of a model-wide permission or role (``permission_required("app.change_x")``,
``PermissionRequiredMixin``, ``roles_required``, ``has_perm("app.change_x")``) and other
services (an ``internal_key_required`` or ``partner`` key). Unauthenticated handlers are not
reported either: without a caller there is no owner to scope to (AIS301 reports a missing
authentication check; a public object such as a shared link is public by design). Ids taken
from the server session or a verified token are not client-supplied. An ``assert`` is no
ownership check: ``python -O`` removes it.

Confidence is high when the module reads objects of that model scoped to the caller
elsewhere (their reads are private), or when the handler changes an object the module ties
to users in another way (created with an owner or under a parent loaded for the caller, its
owner checked before a change, an owner foreign key); medium when the handler only reads
such an object. It is low (hidden by default) for a model the module never ties to a user,
for a model it also shows to anyone (queried with a visibility filter such as
``published=True``, or loaded by id in a handler without authentication) and for a lookup
with a visibility filter: shared catalogue and public content look the same.

## Why is this bad?
Ids are easy to guess or enumerate (``/invoices/1041``, ``/invoices/1042``). Any signed-in
user reads, edits or deletes other users' records by changing a number: the most common API
flaw in OWASP's API Security Top 10 (API1:2023, broken object level authorization).

## Example
```python
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Invoice

@login_required
def invoice_detail(request, invoice_id):
    invoice = get_object_or_404(Invoice, pk=invoice_id)
    return JsonResponse(invoice.as_dict())

@login_required
def my_invoices(request):
    return JsonResponse({"ids": list(Invoice.objects.filter(owner=request.user).values_list("pk", flat=True))})
```

## Use instead
```python
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Invoice

@login_required
def invoice_detail(request, invoice_id):
    invoice = get_object_or_404(Invoice, pk=invoice_id, owner=request.user)
    return JsonResponse(invoice.as_dict())
```

A lookup in a helper method of the view whose id is a parameter is not reported when every
call of it in the class comes after such a check in the caller (``perform_create`` checks
the draft's owner, then calls ``self.delete_draft(draft_id)``). The class ``queryset`` is not
judged when the view overrides every method it serves and none reaches ``get_object()``,
``retrieve()``, ``update()``, ``destroy()`` or ``super()``: it then loads nothing by the
URL's lookup field, and the lookups the methods write are judged where they are.

## Known problems
Lookups in helper functions that a handler calls, and authorization enforced elsewhere (a
row-level security policy, a repository layer that scopes every query), are not seen. A
model whose objects are shared among all signed-in users, but which the module also
filters by owner somewhere, is reported; suppress the line with a comment.

## Options
``aisec-permission-checks`` names your ownership-checking functions;
``aisec-admin-decorators`` your admin-only decorators; ``aisec-auth-decorators`` and
``aisec-auth-dependencies`` what authenticates a handler.

## References
- [CWE-639: Authorization Bypass Through User-Controlled Key](https://cwe.mitre.org/data/definitions/639.html)
- [CWE-862: Missing Authorization](https://cwe.mitre.org/data/definitions/862.html)
- [OWASP Insecure Direct Object Reference Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Insecure_Direct_Object_Reference_Prevention_Cheat_Sheet.html)
- [OWASP API Security Top 10 2023, API1: Broken Object Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/)
- [Django REST framework: object level permissions](https://www.django-rest-framework.org/api-guide/permissions/#object-level-permissions)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.auth import (
    FILTER_CALLS,
    LOOKUP_CALLS,
    OWNER_WORDS,
    Handler,
    Query,
    class_lineage,
    dotted,
    drf_list,
    drf_permission_value,
    field_words,
    handler_of,
    handlers,
    identity_params,
    is_identity,
    is_model_name,
    permission_call,
    protection,
    query_filters,
    query_of,
)
from ..analysis.frameworks import REQUEST_NAMES
from ..analysis.taint import own_nodes
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

_ID_WORDS = frozenset({"id", "pk", "uuid", "guid", "slug"})
# Attributes of a loaded object that prove the caller holds it (a device token, an invite
# code): comparing them with what the client sent authenticates the request for that object.
_SECRET_ATTR_WORDS = frozenset({"token", "secret", "key", "code", "hash", "digest", "otp", "pin"})
_MUTATORS = frozenset({"delete", "save", "update", "adelete", "asave", "aupdate", "merge", "remove"})
_DETAIL_BASES = frozenset(
    {
        "ModelViewSet", "RetrieveModelMixin", "UpdateModelMixin", "DestroyModelMixin", "RetrieveAPIView",
        "RetrieveUpdateAPIView", "RetrieveDestroyAPIView", "RetrieveUpdateDestroyAPIView", "UpdateAPIView",
        "DestroyAPIView", "ReadOnlyModelViewSet",
    }
)
# Permission classes that authenticate without checking objects.
_PLAIN_PERMISSIONS = frozenset({"IsAuthenticated", "IsAuthenticatedOrReadOnly"})
_VISIBILITY_WORDS = frozenset({"public", "published", "hidden", "visible", "visibility", "private", "shared", "listed", "draft"})
_LOWER = {Confidence.HIGH: Confidence.MEDIUM, Confidence.MEDIUM: Confidence.LOW, Confidence.LOW: Confidence.LOW}


def _last(expr: ast.AST | None) -> str:
    if isinstance(expr, ast.Call):
        expr = expr.func
    return expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else ""


def _is_id_field(field: str) -> bool:
    words = split_words(field.split("__", 1)[0])
    return bool(words) and words[-1] in _ID_WORDS


def _client(ctx: FileContext, expr: ast.AST, func: ast.AST | None) -> str | None:
    """Where a client-supplied value came from (casts included), or None."""
    if is_identity(ctx, expr):
        return None
    found = sorted({lab.origin for lab in ctx.taint.of(expr) if lab.kind == "source"})
    if found:
        return found[0]
    if func is None:
        return None
    # Parameters of a handler whose registry the taint engine does not know.
    params = {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]}
    params -= {"self", "cls"} | REQUEST_NAMES | set(identity_params(ctx, func))
    for node in ast.walk(expr):
        if isinstance(node, ast.Name) and node.id in params:
            binds = ctx.bindings_of(node)
            if binds and all(b.kind == "param" for b in binds):
                return f"route parameter '{node.id}'"
    return None


def _scope(ctx: FileContext, query: Query, func: ast.AST | None) -> tuple[bool, list[tuple[ast.expr, str]]]:
    """``(scoped to the caller, [(client id value, origin)])`` for a query."""
    scoped = any(is_identity(ctx, r) for r in query.receivers if isinstance(r, (ast.Attribute, ast.Name)))
    scoped = scoped or any(
        isinstance(c.func, ast.Attribute) and c.func.attr in ("get_queryset", "get_object") for c in query.calls
    )
    # A manager or queryset method given the caller scopes the query to them:
    # ``Project.objects.for_user(request.user)``, ``Invoice.objects.visible_to(user)``.
    scoped = scoped or any(
        isinstance(c.func, ast.Attribute) and any(isinstance(a, (ast.Attribute, ast.Name)) and is_identity(ctx, a) for a in c.args)
        for c in query.calls
    )
    ids: list[tuple[ast.expr, str]] = []
    for field, value in query_filters(ctx, query):
        origin = _client(ctx, value, func)
        if is_identity(ctx, value) or _owned_value(ctx, value) or (
            origin is None and field_words(field) & OWNER_WORDS and not isinstance(value, ast.Constant)
        ):
            scoped = True
        elif origin is not None and _is_id_field(field):
            ids.append((value, origin))
    return scoped, ids


def _owned_value(ctx: FileContext, value: ast.AST) -> bool:
    """``customer.id`` (or ``customer`` itself: ``filter(project=project)``) where
    ``customer`` was loaded scoped to the caller: filtering by an owned parent scopes the
    child."""
    root = value
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name):
        return False
    bound = ctx.reaching_value(root)
    if isinstance(bound, ast.Await):
        bound = bound.value
    if not isinstance(bound, ast.Call) or _last(bound.func) not in LOOKUP_CALLS:
        return False
    key = id(bound)
    memo = ctx.__dict__.setdefault("_ais304_owned_values", {})
    if key not in memo:
        memo[key] = False  # recursion guard
        query = query_of(ctx, bound)
        memo[key] = query.model is not None and _scope(ctx, query, ctx.enclosing_function(bound))[0]
    return memo[key]


def _bound_names(ctx: FileContext, call: ast.Call) -> set:
    out = set()
    parent = ctx.parent(call)
    if isinstance(parent, ast.NamedExpr):
        out.add(parent.target.id)
    if isinstance(parent, ast.Await):
        parent = ctx.parent(parent)
    if isinstance(parent, ast.Assign):
        out.update(ref for ref in map(_ref, parent.targets) if ref)
    elif isinstance(parent, ast.AnnAssign):
        ref = _ref(parent.target)
        if ref:
            out.add(ref)
    return out


def _ref(expr: ast.AST) -> str | None:
    """How the object a lookup loads is referred to later: a name (``note``) or an attribute
    of the instance (``self.upload``, wagtail's upload views), as ``"self.upload"``."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls"):
        return f"{expr.value.id}.{expr.attr}"
    return None


def _names(node: ast.AST) -> set:
    """The names and instance attributes (`_ref`) that `node` mentions."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute):
            ref = _ref(n)
            if ref:
                out.add(ref)
    return out


def _attr_of(node: ast.AST, names: set, words: frozenset) -> bool:
    return isinstance(node, ast.Attribute) and _ref(node.value) in names and bool(field_words(node.attr) & words)


def _in_assert(ctx: FileContext, node: ast.AST) -> bool:
    return any(isinstance(a, ast.Assert) for a in ctx.ancestors(node) if not isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)))


def _checked(ctx: FileContext, func: ast.AST, names: set, objects: set = frozenset()) -> bool:
    """True when the function compares the object (or its id) with the caller, proves the
    client holds it (its token compared with what the client sent, or the loaded object, one
    of `objects`, given to a check of a token or password: `_possession_call`), or passes it
    to a permission check. An ``assert`` is no check: ``python -O`` removes it."""
    if not names:
        return False
    for node in own_nodes(func):
        if isinstance(node, ast.Compare):
            if not _names(node) & names or _in_assert(ctx, node):
                continue
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) for s in sides):
                continue
            if any(is_identity(ctx, n) for s in sides for n in ast.walk(s) if isinstance(n, (ast.Name, ast.Attribute, ast.Call, ast.Subscript))):
                return True
            if any(_attr_of(n, names, OWNER_WORDS | _SECRET_ATTR_WORDS) for s in sides for n in ast.walk(s)):
                return True
        elif isinstance(node, ast.Call):
            if _in_assert(ctx, node):
                continue
            args = [*node.args, *(k.value for k in node.keywords)]
            inside = set().union(*(_names(a) for a in args)) if args else set()
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            if inside & names and permission_call(ctx, node, strict=True):
                return True
            if _last(node.func) == "compare_digest" and any(_attr_of(n, names, _SECRET_ATTR_WORDS) for a in args for n in ast.walk(a)):
                return True
            if receiver is not None and _ref(receiver) in names and any(is_identity(ctx, a) for a in args):
                return True  # note.can_edit(request.user), note.is_owned_by(current_user)
            if (
                isinstance(receiver, ast.Attribute)
                and _owner_ref(receiver) in names
                and _check_name(ctx, node)
                and any(is_identity(ctx, a) for a in args)
            ):
                return True  # task.project.has_permission(request.user): through the parent
            if (inside & objects or (receiver is not None and _ref(receiver) in objects)) and _possession_call(node):
                return True  # token_generator.check_token(user, token), user.check_password(pw)
            if receiver is not None and inside & names and is_identity(ctx, receiver):
                return True  # request.user.has_perm("notes.change_note", note)
    return False


def _owner_ref(expr: ast.AST) -> str | None:
    """The loaded object a related object hangs off (`_ref`): ``task`` for ``task.project``,
    ``self.upload`` for ``self.upload.project``."""
    for _ in range(8):
        ref = _ref(expr)
        if ref is not None or not isinstance(expr, ast.Attribute):
            return ref
        expr = expr.value
    return None


_ASKING_WORDS = frozenset({"can", "is", "has", "may", "check", "owns", "belongs"})


def _check_name(ctx: FileContext, call: ast.Call) -> bool:
    """A call that asks about the caller's rights rather than acting on the object:
    ``has_permission``, ``can_edit``, ``is_member``, a permission check."""
    words = split_words(_last(call.func))
    return bool(words) and (words[0] in _ASKING_WORDS or permission_call(ctx, call, strict=True))


_CHECK_VERBS = frozenset({"check", "verify", "validate"})
_PROOF_WORDS = frozenset({"token", "password", "secret", "otp", "signature", "hash", "digest"})


def _callers_check(ctx: FileContext, func: ast.AST | None, h: Handler, ids: list[tuple[ast.expr, str]]) -> bool:
    """True when the lookup sits in a helper method of the view (no handler itself) whose id
    is a parameter, and every call of it in the class (``self.delete_draft(draft_id, ...)``)
    comes from a method that checks that id, or the object it loaded by it, against the
    caller first: label-studio's ``perform_create`` raises ``PermissionDenied`` unless
    ``draft.user_id == user.id``, then calls ``delete_draft(draft_id)``. A helper never
    called in the class is judged as it is."""
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or h.node is func or h.cls is None:
        return False
    params = [a.arg for a in [*func.args.posonlyargs, *func.args.args]]
    used = {n.id for value, _ in ids for n in ast.walk(value) if isinstance(n, ast.Name)}
    positions = [i for i, name in enumerate(params) if name in used]
    if not positions or positions[0] == 0:  # no id parameter, or the id is ``self``
        return False
    sites = [
        c for c in ctx.nodes_of(ast.Call)
        if isinstance(c.func, ast.Attribute) and c.func.attr == func.name and isinstance(c.func.value, ast.Name)
        and c.func.value.id == "self" and ctx.enclosing_class(c) is h.cls
    ]
    if not sites:
        return False
    for call in sites:
        caller = ctx.enclosing_function(call)
        if caller is None or caller is func:
            return False
        passed: set = set()
        for i in positions:
            arg = call.args[i - 1] if i - 1 < len(call.args) else next((k.value for k in call.keywords if k.arg == params[i]), None)
            if arg is None:
                return False
            passed |= {n.id for n in ast.walk(arg) if isinstance(n, ast.Name)}
        loaded = _loaded_by(ctx, caller, passed)
        if not _checked(ctx, caller, passed | loaded, loaded):
            return False
    return True


def _loaded_by(ctx: FileContext, func: ast.AST, names: set) -> set:
    """Names the function binds to objects it looked up by one of `names`
    (``draft = AnnotationDraft.objects.filter(id=draft_id).first()``)."""
    out: set = set()
    for node in own_nodes(func):
        if type(node) is ast.Call and _last(node.func) in LOOKUP_CALLS:
            query = query_of(ctx, node)
            if query.model and any(_names(v) & names for _f, v in query_filters(ctx, query)):
                out |= _bound_names(ctx, node)
    return out


def _possession_call(call: ast.Call) -> bool:
    """A call that verifies a secret against the loaded object, named by a checking verb and
    what it checks: Django's ``default_token_generator.check_token(user, token)`` (password
    reset links), ``user.check_password(password)``, ``verify_otp(device, code)``. The
    caller proves they hold the object's secret, as a token compared with
    ``compare_digest`` does."""
    words = set(split_words(_last(call.func)))
    return bool(words & _CHECK_VERBS and words & _PROOF_WORDS) and bool(call.args or call.keywords)


def _mutated(ctx: FileContext, call: ast.Call, func: ast.AST, names: set) -> bool:
    if _last(call.func) in _MUTATORS:
        return True
    parent = ctx.parent(call)
    if isinstance(parent, ast.Attribute) and parent.attr in _MUTATORS:
        return True
    for node in own_nodes(func):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS:
                if isinstance(node.func.value, ast.Name) and node.func.value.id in names:
                    return True
                if any(isinstance(a, ast.Name) and a.id in names for a in node.args):
                    return True  # db.session.delete(note)
            if _last(node.func) == "setattr" and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in names:
                return True
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id in names for t in targets):
                return True
    return False


def owned_models(ctx: FileContext) -> dict:
    """Models the module ties to a user, with how: ``"read"`` when it reads them scoped to
    the caller (a list filtered by owner: their reads are private), ``"write"`` when it
    creates them with an owner (or under a parent loaded for the caller), checks their
    owner before a change, saves them in a DRF view with ``owner=request.user`` or
    declares an owner foreign key (memoised per file)."""
    found = ctx.__dict__.get("_ais304_owned_models")
    if found is not None:
        return found
    models: dict[str, str] = {}

    def add(model: str | None, how: str) -> None:
        if model and models.get(model) != "read":
            models[model] = how

    for node in ctx.nodes:
        if isinstance(node, ast.Call):
            name = _last(node.func)
            if name in FILTER_CALLS:
                query = query_of(ctx, node)
                if query.model and _scope(ctx, query, ctx.enclosing_function(node))[0]:
                    add(query.model, "read")
            elif name in ("create", "get_or_create", "update_or_create") or is_model_name(node.func):
                model = _last(node.func) if is_model_name(node.func) else None
                if model is None and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "objects":
                    model = _last(node.func.value.value)
                if model and any(kw.arg and _ties_to_caller(ctx, kw.value) for kw in node.keywords):
                    add(model, "write")
            elif name == "save" and any(kw.arg and is_identity(ctx, kw.value) for kw in node.keywords):
                cls = ctx.enclosing_class(node)
                add(_queryset_model(ctx, cls) if cls is not None else None, "write")
        elif isinstance(node, ast.Compare) and not _in_assert(ctx, node):
            add(_compared_owner(ctx, node), "write")
        elif isinstance(node, ast.ClassDef) and _declares_owner(node):
            add(node.name, "write")
    ctx.__dict__["_ais304_owned_models"] = models
    return models


def public_models(ctx: FileContext) -> frozenset:
    """Models the module shows to anyone: queried with a visibility filter
    (``published=True``) or looked up by a client id in a handler without authentication
    (a public detail page). Reading one by id is no IDOR (memoised per file)."""
    found = ctx.__dict__.get("_ais304_public_models")
    if found is not None:
        return found
    models: set = set()
    for node in ctx.nodes:
        if isinstance(node, ast.ClassDef):
            model = _public_read_view(ctx, node)
            if model:
                models.add(model)
            continue
        if not (isinstance(node, ast.Call) and _last(node.func) in LOOKUP_CALLS | FILTER_CALLS):
            continue
        query = query_of(ctx, node)
        if query.model is None or query.model in models:
            continue
        if _visibility_filtered(ctx, query):
            models.add(query.model)
            continue
        func = ctx.enclosing_function(node)
        h = _handler_for(ctx, func)
        if h is not None and _last(node.func) in LOOKUP_CALLS and not h.mutating:
            p = protection(ctx, h)
            if not (p.auth or p.default or p.admin) and _scope(ctx, query, func)[1]:
                models.add(query.model)
    found = frozenset(models)
    ctx.__dict__["_ais304_public_models"] = found
    return found


# DRF permission classes that let anonymous clients read.
_ANON_READ = frozenset({"AllowAny", "IsAuthenticatedOrReadOnly", "DjangoModelPermissionsOrAnonReadOnly"})


def _public_read_view(ctx: FileContext, cls: ast.ClassDef) -> str | None:
    """The model of a DRF view that serves its whole, unscoped queryset to anonymous readers
    (``queryset = Article.objects.all()`` with ``IsAuthenticatedOrReadOnly``)."""
    own = [h for h in handlers(ctx) if h.cls is cls]
    if not own or own[0].framework != "drf" or not any("GET" in h.methods for h in own):
        return None
    if any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "get_queryset" for s in cls.body):
        return None
    elts = drf_list(ctx, drf_permission_value(ctx, own[0]))
    if not elts or not all(_last(e) in _ANON_READ for e in elts):
        return None
    model = _queryset_model(ctx, cls)
    value = next(
        (s.value for s in cls.body if isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "queryset" for t in s.targets)),
        None,
    )
    if model and isinstance(value, ast.Call) and not _scope(ctx, query_of(ctx, value), None)[0]:
        return model
    return None


def _compared_owner(ctx: FileContext, node: ast.Compare) -> str | None:
    """The model of ``obj`` in ``obj.owner_id != current_user.id`` (obj loaded by a query)."""
    sides = [node.left, *node.comparators]
    if not any(is_identity(ctx, n) for s in sides for n in ast.walk(s) if isinstance(n, (ast.Name, ast.Attribute, ast.Call))):
        return None
    for s in sides:
        if isinstance(s, ast.Attribute) and isinstance(s.value, ast.Name) and field_words(s.attr) & OWNER_WORDS:
            bound = ctx.reaching_value(s.value)
            if isinstance(bound, ast.Await):
                bound = bound.value
            if isinstance(bound, ast.Call):
                model = query_of(ctx, bound).model
                if model:
                    return model
    return None


def _ties_to_caller(ctx: FileContext, value: ast.AST) -> bool:
    return is_identity(ctx, value) or _owned_value(ctx, value) or any(
        isinstance(n, (ast.Name, ast.Attribute)) and is_identity(ctx, n) for n in ast.walk(value)
    )


def _declares_owner(cls: ast.ClassDef) -> bool:
    """A model class with an owner relation: ``owner = models.ForeignKey(User, ...)``,
    ``user_id = Column(ForeignKey("users.id"))``, ``owner_id: int = Field(foreign_key="user.id")``."""
    for stmt in cls.body:
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else getattr(stmt, "target", None)
        value = getattr(stmt, "value", None)
        if not isinstance(target, ast.Name) or value is None or not field_words(target.id) & OWNER_WORDS:
            continue
        for n in ast.walk(value):
            if isinstance(n, ast.Call) and _last(n.func) in ("ForeignKey", "OneToOneField", "ManyToManyField"):
                return True
            if isinstance(n, ast.keyword) and n.arg == "foreign_key":
                return True
    return False


def _queryset_model(ctx: FileContext, cls: ast.ClassDef) -> str | None:
    for c in class_lineage(ctx, cls)[0]:
        for stmt in c.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and any(
                isinstance(t, ast.Name) and t.id == "queryset" for t in stmt.targets
            ):
                model = query_of(ctx, stmt.value).model
                if model:
                    return model
    return None


def _handler_for(ctx: FileContext, func: ast.AST | None) -> Handler | None:
    if func is None:
        return None
    h = handler_of(ctx, func)
    if h is not None:
        return h
    cls = ctx.enclosing_class(func)
    if cls is None:
        return None
    own = [o for o in handlers(ctx) if o.cls is cls]
    return own[0] if own else None


def _inner_lookup(ctx: FileContext, call: ast.Call) -> bool:
    """A lookup further down the same expression reports instead (``get(...).delete()``)."""
    cur = call.func
    for _ in range(40):
        if isinstance(cur, ast.Attribute):
            cur = cur.value
        elif isinstance(cur, ast.Call):
            if _last(cur.func) in LOOKUP_CALLS and query_of(ctx, cur).model:
                return True
            cur = cur.func
        else:
            return False
    return False


def _visibility_filtered(ctx: FileContext, query: Query) -> bool:
    """A constant filter on a visibility field (``published=True``, ``thread__hidden=False``,
    ``Post.is_public == True``): the lookup serves content meant to be seen by others."""
    for field, value in query_filters(ctx, query):
        if isinstance(value, ast.Constant) and set(split_words(field.replace("__", "_"))) & _VISIBILITY_WORDS:
            return True
    return False


def _id_text(value: ast.expr, origin: str) -> str:
    """``route parameter 'note_id'``, ``request.GET['survey']``, ``move.task_id from route
    parameter 'move'``."""
    text = ast.unparse(value)
    if len(text) > 40 or origin == f"route parameter '{text}'":
        return origin
    if any("." in token and token in text for token in origin.replace("(", " ").replace(")", " ").split()):
        return text  # request.args['id'] from request.args
    return f"{text} from {origin}"


def _a(model: str) -> str:
    return f"{'an' if model[:1] in 'AEIOU' else 'a'} {model}"


def _label(call: ast.Call, model: str) -> str:
    """``Note.query.get_or_404()``, ``db.query(...).filter(...).first()``."""
    parts: list[str] = []
    cur: ast.AST = call.func
    for _ in range(12):
        if isinstance(cur, ast.Attribute):
            parts.append("." + cur.attr)
            cur = cur.value
        elif isinstance(cur, ast.Call):
            parts.append("(...)" if cur.args or cur.keywords else "()")
            cur = cur.func
        elif isinstance(cur, ast.Name):
            parts.append(cur.id)
            text = "".join(reversed(parts)) + "()"
            return text if len(text) <= 70 else f"a {model} query"
        else:
            break
    return f"a {model} query"


@on(ast.Call, callees=LOOKUP_CALLS)
def check_lookup(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = ctx.enclosing_function(node)
    h = _handler_for(ctx, func)
    if h is None:
        return
    query = query_of(ctx, node)
    if query.model is None or _inner_lookup(ctx, node):
        return
    p = protection(ctx, h)
    if p.admin or p.public or not (p.auth or p.default):
        return
    scoped, ids = _scope(ctx, query, func)
    if scoped or not ids:
        return
    bound = _bound_names(ctx, node)
    if _checked(ctx, func, bound | {n.id for value, _ in ids for n in ast.walk(value) if isinstance(n, ast.Name)}, bound):
        return
    if _callers_check(ctx, func, h, ids):
        return
    owned = owned_models(ctx).get(query.model)
    changes = _mutated(ctx, node, func, bound)
    if owned == "read" or (owned and changes):
        conf = Confidence.HIGH
    elif owned and query.model not in public_models(ctx):
        conf = Confidence.MEDIUM
    else:
        conf = Confidence.LOW
    if p.default and not p.auth:
        conf = _LOWER[conf]
    if _visibility_filtered(ctx, query):
        conf = Confidence.LOW
    yield hit(node, _label(node, query.model), _a(query.model), _id_text(*ids[0]), confidence=conf)


# The generic views' methods that load the object by the URL's lookup field from the class
# queryset: https://www.django-rest-framework.org/api-guide/generic-views/#get_objectself
_GENERIC_PATH = frozenset({"get_object", "retrieve", "update", "partial_update", "destroy", "perform_update", "perform_destroy"})


def _generic_path_unused(ctx: FileContext, own: list[Handler], classes: list[ast.ClassDef]) -> bool:
    """True when the view overrides every method it serves and none of its methods reaches
    the generic detail path (``get_object()``, ``retrieve()``, ``update()``, ``destroy()``,
    ``super()``): label-studio's ``TaskAgreementAPI.get`` loads the task itself and checks
    it, so the class ``queryset`` never loads anything by the URL's lookup field (that
    lookup is judged where it is written)."""
    if not all(isinstance(h.node, (ast.FunctionDef, ast.AsyncFunctionDef)) for h in own):
        return False
    for c in classes:
        for stmt in c.body:
            if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for n in own_nodes(stmt):
                if type(n) is ast.Call and (
                    _last(n.func) in _GENERIC_PATH or (isinstance(n.func, ast.Name) and n.func.id == "super")
                ):
                    return False
    return True


@on(ast.ClassDef)
def check_viewset(node: ast.ClassDef, ctx: FileContext) -> Iterator[Hit]:
    own = [h for h in handlers(ctx) if h.cls is node]
    if not own or own[0].framework != "drf":
        return
    classes, bases = class_lineage(ctx, node)
    if not {_last(b) for b in bases} & _DETAIL_BASES:
        return
    if any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name in ("get_queryset", "get_object") for c in classes for s in c.body):
        return
    if _generic_path_unused(ctx, own, classes):
        return
    value = next(
        (s.value for s in node.body if isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "queryset" for t in s.targets)),
        None,
    )
    if not isinstance(value, ast.Call):
        return
    query = query_of(ctx, value)
    if query.model is None or query.model not in owned_models(ctx) or _scope(ctx, query, None)[0]:
        return
    p = protection(ctx, own[0])
    if p.admin or p.public or not (p.auth or p.default):
        return
    perms = drf_permission_value(ctx, own[0])
    if perms is not None:
        elts = drf_list(ctx, perms)
        if elts is None or any(_last(e) not in _PLAIN_PERMISSIONS for e in elts):
            return  # a custom permission class may check objects
    # Without permission_classes the view runs the project's DEFAULT_PERMISSION_CLASSES,
    # which may hold an object-level permission (label-studio's HasObjectPermission, which
    # get_object() runs): low. With only IsAuthenticated-style classes set here: high.
    conf = Confidence.HIGH if p.auth else Confidence.LOW
    yield hit(
        value, f"'{node.name}' (queryset = {dotted(value.func) or query.model}())", f"any {query.model}",
        "the URL's lookup field", confidence=conf,
    )
