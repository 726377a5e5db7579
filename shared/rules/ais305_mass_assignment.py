"""AIS305 mass-assignment: request data bound wholesale into a model or object.

## What it does
Flags code that lets the client choose which attributes of a stored object it sets:

- request data unpacked into a model constructor or an ORM write: ``User(**request.json)``,
  ``Note(**request.get_json())``, ``Model.objects.create(**request.POST.dict())`` /
  ``**request.data``, ``filter(...).update(**data)``, ``update_or_create(defaults=data)``,
  ``User.objects.create_user(**data)``, ``serializer.save(**request.data)``;
- request data merged into an object or query: ``obj.__dict__.update(data)``,
  ``vars(obj).update(data)``, SQLAlchemy ``Query.update(request.json)``,
  ``update(User).values(data)``, MongoDB ``{"$set": request.json}``, ``replace_one`` and
  ``insert_one`` of the request document;
- a ``setattr(obj, key, value)`` whose attribute name comes from the request, typically a
  loop ``for key, value in request.json.items(): setattr(user, key, value)``. A deny-list
  (``if key != "csrfmiddlewaretoken"``) does not help: every other field stays writable;
- a Django REST framework ``ModelSerializer`` or Django ``ModelForm`` (or a generic
  ``CreateView`` / ``UpdateView``, ``modelform_factory``) with ``fields = "__all__"`` on a
  user, account, profile or member model, unless ``read_only_fields`` / ``extra_kwargs``
  make its privilege fields read-only (``is_staff``, ``is_superuser``, ``groups``,
  ``user_permissions`` for Django's user model; at least one of ``is_admin``, ``role``,
  ``permissions``, ... otherwise); ``exclude = [...]`` on such a model that leaves the
  privilege fields writable is reported with medium confidence.

"From the request" comes from the taint engine (the same sources as the injection rules,
without command-line arguments or model output): Flask and Django request data, DRF
``request.data``, ``await request.json()``, FastAPI body parameters typed ``dict``, also
through local variables, ``json.loads``, ``dict(...)`` and helpers of the module.

Not reported: explicit field lists (``User(name=data["name"])``), dict literals with
constant keys, ``{k: v for k, v in data.items() if k in ALLOWED}``, a comprehension over rows
the program wrote whose key part holds no request data (``{col.key: v for col, v in
((Model.name, body.name), (Model.color, body.color))}``), ``setattr`` loops over
a constant tuple or guarded by ``if key in ALLOWED``, ``form.cleaned_data`` and
``serializer.validated_data`` (limited to the form's or serializer's declared fields),
pydantic schemas and dataclasses (``Task(**task_in.model_dump())``: the schema is the
allow-list) and classes that validate rather than store (imported from a ``schemas``,
``serializers`` or ``forms`` module, or named ``...Schema``, ``...In``, ``...Create``,
``...Update``, ``...Request``, ``...Payload``, ...), serializers and forms with explicit
``fields``, and command-line options (``vars(args)``) copied onto a config object.

A FastAPI body parameter typed with a pydantic model is treated as an allow-list, also where
the statement that reads it rebinds its name (``body = Internal(**body.model_dump())``); it is
reported only when that model is defined in the same module and declares a privilege field
(``role``, ``is_admin``, ``is_staff``, ``is_superuser``, ``permissions``, ``owner_id``, ...) or
accepts extra fields (``extra="allow"``). Confidence is high for a model (a class of this
module with ORM bases, or one imported from a ``models`` module) or an ORM write, medium for
another capitalised callable whose object the function stores (``session.add(obj)``,
``obj.save()``) or returns, low (hidden by default) for such an object that is only used (a
UI action, a settings value object) and in handlers restricted to administrators, whose
callers may set every field by design, also in a helper that only such handlers call.

## Why is this bad?
The client sends fields the form never showed: ``{"is_admin": true}``, ``{"role":
"owner"}``, ``{"owner_id": 7}``, ``{"balance": 1e9}``. Binding the whole payload writes them
to the database, an instant privilege escalation or tampering (OWASP API3:2023 Broken Object
Property Level Authorization). New columns added later become writable without anyone
noticing.

## Example
```python
from flask import Flask, request
from flask_login import current_user, login_required

from models import Note, db

app = Flask(__name__)

@app.post("/notes")
@login_required
def create_note():
    note = Note(**request.get_json())
    db.session.add(note)
    db.session.commit()
    return {"id": note.id}, 201
```

## Use instead
```python
from flask import Flask, request
from flask_login import current_user, login_required

from models import Note, db

app = Flask(__name__)

@app.post("/notes")
@login_required
def create_note():
    data = request.get_json() or {}
    note = Note(title=data.get("title", ""), body=data.get("body", ""), owner_id=current_user.id)
    db.session.add(note)
    db.session.commit()
    return {"id": note.id}, 201
```

## Known problems
Models imported from other modules are not inspected: ``Order(**request.json)`` is reported
whether or not ``Order`` has a sensitive column. Pydantic schemas imported from another
module are trusted as allow-lists. ``fields = "__all__"`` is reported only on models whose
name says user, account, profile, member, customer, employee or staff; on other models it is
left to review. A ``setattr`` loop guarded by a deny-list is reported like an unguarded one.
``self.create(**kwargs)`` and ``super().update(**kwargs)`` count only in a class whose name or
bases say manager, queryset, query, model, document, repository or session: elsewhere (DRF's
generic views forwarding the URL kwargs to their own handlers) they are the class's own
methods, not writes. Keys from a function of this module whose every ``return`` gives a
dict with literal keys only are an allow-list (``Model(**build_fields(data))``): a dict
literal, or a dict it fills key by key (``kwargs["title"] = ...``), also returned beside an
error (``kwargs, err = build_fields(data)``). Such a builder that passes its dict to another
function, or writes a key it did not spell, is judged like any other dict.

## Options
``aisec-extra-sources`` teaches the engine your own request readers; ``aisec-admin-decorators``
and ``aisec-auth-dependencies`` mark administrator-only handlers.

## References
- [CWE-915: Improperly Controlled Modification of Dynamically-Determined Object Attributes](https://cwe.mitre.org/data/definitions/915.html)
- [OWASP Mass Assignment Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Mass_Assignment_Cheat_Sheet.html)
- [OWASP API Security Top 10 2023, API3: Broken Object Property Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa3-broken-object-property-level-authorization/)
- [Django REST framework: ModelSerializer, specifying which fields to include](https://www.django-rest-framework.org/api-guide/serializers/#specifying-which-fields-to-include)
- [Django: ModelForm, selecting the fields to use](https://docs.djangoproject.com/en/stable/topics/forms/modelforms/#selecting-the-fields-to-use)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.auth import class_lineage, handler_of, protection
from ..analysis.taint import own_nodes
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

# ORM writes that take field values as keywords (Django QuerySet / Manager, SQLAlchemy,
# Peewee, Tortoise, MongoEngine, DRF serializer.save(**extra)).
# https://docs.djangoproject.com/en/stable/ref/models/querysets/#create
_WRITE_METHODS = frozenset(
    {"create", "acreate", "create_user", "create_superuser", "get_or_create", "aget_or_create",
     "update_or_create", "aupdate_or_create", "update", "aupdate", "insert", "values", "save",
     "modify", "upsert"}
)
# Methods whose *positional* dict argument is the field map.
# SQLAlchemy Query.update(values): https://docs.sqlalchemy.org/en/20/orm/queryguide/query.html#sqlalchemy.orm.Query.update
_POSITIONAL_WRITES = frozenset({"update", "values", "insert"})
# pymongo: https://pymongo.readthedocs.io/en/stable/api/pymongo/collection.html
_MONGO_DOC_WRITES = {"insert_one": 0, "replace_one": 1}
_MONGO_UPDATES = frozenset({"update_one", "update_many", "find_one_and_update", "find_and_modify"})
_MONGO_SET_OPS = frozenset({"$set", "$setOnInsert"})
_QUERY_STEPS = frozenset(
    {"objects", "query", "filter", "filter_by", "where", "exclude", "all", "select_related", "with_for_update"}
)
# Origins of the taint engine that are not a web client.
_NOT_WEB = ("sys.argv", "command-line arguments", "input()", "sys.stdin", "model output")
# Class-name endings of validation schemas, forms and serializers: they limit the fields.
_SCHEMA_SUFFIXES = (
    "Schema", "Serializer", "Form", "FormSet", "Formset", "In", "Input", "Create", "Update", "Request", "Payload",
    "Params", "Query", "Filter", "DTO", "Dto", "Body", "Args", "Config", "Settings", "Options",
    "Response", "Error", "Exception", "Warning", "Event", "Message", "Namespace", "Dict",
    "Tuple", "Adapter",
)
_SCHEMA_BASES = frozenset(
    {"BaseModel", "BaseSettings", "TypedDict", "NamedTuple", "Schema", "Struct", "RootModel"}
)
_MODEL_BASES = frozenset(
    {"Model", "Base", "DeclarativeBase", "Document", "DynamicDocument", "AbstractUser",
     "AbstractBaseUser", "SQLModel", "UserMixin", "PermissionsMixin"}
)
_MODEL_MODULE_WORDS = frozenset({"models", "model", "entities", "entity", "orm", "tables", "db", "database", "documents"})
_SCHEMA_MODULE_WORDS = frozenset({"schemas", "schema", "serializers", "forms", "dto", "dtos", "validators", "requests", "payloads"})
_NON_MODEL_CALLS = frozenset(
    {"builtins.dict", "types.SimpleNamespace", "collections.OrderedDict", "collections.defaultdict",
     "collections.ChainMap", "argparse.Namespace"}
)
# Fields that grant privileges or ownership.
# https://cheatsheetseries.owasp.org/cheatsheets/Mass_Assignment_Cheat_Sheet.html
_PRIVILEGE_WORDS = frozenset(
    {"admin", "staff", "superuser", "role", "roles", "permission", "permissions", "perms",
     "scope", "scopes", "privilege", "privileges", "groups", "owner", "verified", "approved",
     "balance", "credit", "tenant", "plan", "tier"}
)
_PRIVILEGE_FIELDS = frozenset({"user_id", "account_id", "is_active", "hashed_password", "password_hash"})
_USER_MODEL_WORDS = frozenset(
    {"user", "users", "account", "accounts", "profile", "profiles", "member", "members", "membership", "customer", "customers",
     "employee", "staff", "person", "admin", "superuser"}
)
# Django's auth user: https://docs.djangoproject.com/en/stable/ref/contrib/auth/#fields
_DJANGO_USER_PRIVILEGES = ("is_staff", "is_superuser", "groups", "user_permissions")
_UNTYPED = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "Any", "Json", "object", "JSON", "JsonDict"})

FIX_FIELDS = "name the fields the client may set"


def _words(name: str) -> set:
    return set(split_words(name))


def _tail(expr: ast.AST | None) -> str:
    if isinstance(expr, ast.Call):
        expr = expr.func
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return ""


def _short(expr: ast.AST) -> str:
    text = ast.unparse(expr)
    return text if len(text) <= 40 else text[:37] + "..."


def _chain(func: ast.AST) -> str:
    """``User.query.filter_by(...).update`` for a callee chain, call arguments elided."""
    parts: list[str] = []
    cur = func
    for _ in range(12):
        if isinstance(cur, ast.Attribute):
            parts.append("." + cur.attr)
            cur = cur.value
        elif isinstance(cur, ast.Call):
            parts.append("(...)")
            cur = cur.func
        elif isinstance(cur, ast.Name):
            parts.append(cur.id)
            break
        else:
            parts.append("...")
            break
    text = "".join(reversed(parts))
    return text if len(text) <= 60 else "..." + text[-57:]


def _privilege_field(name: str) -> bool:
    return name in _PRIVILEGE_FIELDS or bool(_words(name) & _PRIVILEGE_WORDS)


# --------------------------------------------------------------------------- the client's keys


def _web_origins(found: list[str]) -> list[str]:
    return [o for o in found if not o.startswith(_NOT_WEB)]


def _local_class(ctx: FileContext, expr: ast.AST | None) -> ast.ClassDef | None:
    if isinstance(expr, ast.Subscript) and _tail(expr.value) == "Annotated":
        inner = expr.slice.elts[0] if isinstance(expr.slice, ast.Tuple) and expr.slice.elts else expr.slice
        return _local_class(ctx, inner)
    if isinstance(expr, ast.Name):
        # `FileContext.bindings_of`, read without copying the bindings.
        found = ctx.lookup(expr.id, expr)
        if found is not None and found[0] == "local":
            for b in found[1]:  # type: ignore[union-attr]
                if isinstance(b.target, ast.ClassDef):
                    return b.target
    return None


def _schema_param(ctx: FileContext, name: ast.Name) -> tuple[ast.expr | None, bool] | None:
    """For a parameter typed with a class (a pydantic body schema), ``(annotation, typed)``;
    None when `name` is not such a parameter."""
    binds = [b for b in ctx.bindings_of(name) if b.kind == "param" or not _after_use(ctx, b.target, name)]
    if len(binds) != 1 or binds[0].kind != "param" or not isinstance(binds[0].target, ast.arg):
        return None
    ann = binds[0].target.annotation
    if ann is None:
        return None
    head = ann.value if isinstance(ann, ast.Subscript) else ann
    if _tail(head) == "Annotated" and isinstance(ann, ast.Subscript):
        inner = ann.slice.elts[0] if isinstance(ann.slice, ast.Tuple) and ann.slice.elts else ann.slice
        head = inner.value if isinstance(inner, ast.Subscript) else inner
    tail = _tail(head)
    if not tail or tail in _UNTYPED or tail[:1].islower() or tail in ("Request", "HttpRequest", "WebSocket"):
        return ann, False
    return ann, True


def _after_use(ctx: FileContext, target: ast.AST, use: ast.Name) -> bool:
    """Whether the binding at `target` cannot reach `use` in straight-line code: its
    assignment holds the use (``body = Internal(**body.model_dump())`` reads the parameter
    before it rebinds it), or it comes on a later line."""
    stmt = ctx.parent(target)
    while stmt is not None and not isinstance(stmt, ast.stmt):
        stmt = ctx.parent(stmt)
    if stmt is not None and any(a is stmt for a in ctx.ancestors(use)):
        return True
    return getattr(target, "lineno", 0) > use.lineno


def _schema_privilege(ctx: FileContext, ann: ast.expr | None) -> str | None:
    """A privilege field (or ``extra="allow"``) of a local schema class, else None."""
    cls = _local_class(ctx, ann)
    if cls is None:
        return None
    classes, _bases = class_lineage(ctx, cls)
    for c in classes:
        for stmt in c.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and _privilege_field(stmt.target.id):
                return f"whose schema {cls.name} declares '{stmt.target.id}'"
            if _allows_extra(ctx, stmt):
                return f"whose schema {cls.name} accepts extra fields"
    return None


def _allows_extra(ctx: FileContext, stmt: ast.stmt) -> bool:
    """``model_config = ConfigDict(extra="allow")`` or ``class Config: extra = "allow"``."""
    if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "model_config" for t in stmt.targets):
        value = stmt.value
        if isinstance(value, ast.Call):
            return any(k.arg == "extra" and ctx.const_str(k.value) == "allow" for k in value.keywords)
        if isinstance(value, ast.Dict):
            return any(ctx.const_str(k) == "extra" and ctx.const_str(v) == "allow" for k, v in zip(value.keys, value.values))
    if isinstance(stmt, ast.ClassDef) and stmt.name == "Config":
        for inner in stmt.body:
            if isinstance(inner, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "extra" for t in inner.targets):
                return ctx.const_str(inner.value) == "allow" or _tail(inner.value) == "allow"
    return False


_DUMPS = frozenset({"dict", "model_dump", "copy", "items", "keys", "jsonable_encoder", "vars", "asdict", "__dict__", "to_dict"})


def _schema_root(ctx: FileContext, expr: ast.AST) -> ast.Name | None:
    """The name under ``x.model_dump().items()``, ``dict(x)``, ``vars(x)``, ``x.__dict__``."""
    cur = expr
    for _ in range(8):
        if isinstance(cur, ast.Call):
            if isinstance(cur.func, ast.Attribute) and cur.func.attr in _DUMPS:
                cur = cur.func.value
            elif _tail(cur.func) in _DUMPS | {"dict"} and cur.args:
                cur = cur.args[0]
            else:
                return None
        elif isinstance(cur, ast.Attribute) and cur.attr == "__dict__":
            cur = cur.value
        elif isinstance(cur, ast.Name):
            return cur
        else:
            return None
    return None


def client_keys(ctx: FileContext, expr: ast.AST, depth: int = 0) -> tuple[str, str] | None:
    """``(origin, detail)`` when the keys of mapping `expr` are chosen by a web client;
    None when they are fixed by the program (literal keys, an allow-list, a schema)."""
    if depth > 6 or expr is None:
        return None
    if isinstance(expr, (ast.Call, ast.Name)) and _fixed_keys_helper(ctx, expr):
        return None
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, (ast.Dict, ast.DictComp)) or (
            isinstance(value, ast.Call) and ctx.call_name(value) == "builtins.dict"
        ):
            return client_keys(ctx, value, depth + 1)
    if isinstance(expr, ast.Dict):
        for k, v in zip(expr.keys, expr.values):
            if k is None:
                found = client_keys(ctx, v, depth + 1)
                if found:
                    return found
        return None
    if isinstance(expr, ast.DictComp):
        if _allow_listed(ctx, expr):
            return None
        gen = expr.generators[0]
        return _judged(ctx, gen.iter, depth)
    if isinstance(expr, ast.Call) and ctx.call_name(expr) == "builtins.dict":
        for a in expr.args:
            found = client_keys(ctx, a, depth + 1)
            if found:
                return found
        for k in expr.keywords:
            if k.arg is None:
                found = client_keys(ctx, k.value, depth + 1)
                if found:
                    return found
        return None
    if isinstance(expr, (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.JoinedStr)):
        return None
    return _judged(ctx, expr, depth)


def _fixed_keys_helper(ctx: FileContext, expr: ast.AST) -> bool:
    """Whether mapping `expr` comes from an allow-list builder: a def of this module whose
    every ``return`` gives a dict with literal keys only, whatever values it copies
    (django-oauth-toolkit's dynamic client registration, `_fixed_keys_returns`).

    `expr` is ``build_kwargs(data)`` or ``build_kwargs(data).items()``, or a name bound only
    to such a call's result, directly or as one element of a tuple it returns
    (``kwargs, err = build_kwargs(data)``, then ``Model(**kwargs)`` or
    ``for k, v in kwargs.items()``)."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("items", "keys"):
        expr = expr.func.value
    if isinstance(expr, ast.Call):
        return _fixed_keys_returns(ctx, expr, None)
    if not isinstance(expr, ast.Name):
        return False
    bindings = ctx.bindings_of(expr)
    if not bindings:
        return False
    for b in bindings:
        if b.kind != "assign":
            return False
        holder = ctx.parent(b.target)
        if isinstance(holder, ast.Assign) and isinstance(holder.value, ast.Call):
            if not _fixed_keys_returns(ctx, holder.value, None):
                return False
        elif isinstance(holder, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in holder.elts):
            assign = ctx.parent(holder)
            if not (isinstance(assign, ast.Assign) and isinstance(assign.value, ast.Call)):
                return False
            if not _fixed_keys_returns(ctx, assign.value, holder.elts.index(b.target)):
                return False
        else:
            return False
    return True


def _fixed_keys_returns(ctx: FileContext, call: ast.Call, index: int | None) -> bool:
    """Whether `call` targets a def of this module whose every ``return`` gives (at tuple
    position `index`, when given) None or a dict with literal keys only: a dict literal, or
    a local name bound only to one and otherwise written only as ``name["key"] = value``."""
    target = ctx.taint.local_function(call.func)
    if not isinstance(target, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    returns = [n for n in own_nodes(target) if isinstance(n, ast.Return)]
    if not returns:
        return False
    for r in returns:
        value = r.value
        if index is not None:
            if not (isinstance(value, ast.Tuple) and len(value.elts) > index):
                return False
            value = value.elts[index]
        if isinstance(value, ast.Constant) and value.value is None:
            continue
        if not (_literal_keys(value) or (isinstance(value, ast.Name) and _built_key_by_key(ctx, target, value))):
            return False
    return True


def _literal_keys(expr: ast.AST | None) -> bool:
    """A dict literal whose keys are all string literals (no ``**`` entries)."""
    return isinstance(expr, ast.Dict) and all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in expr.keys)


def _built_key_by_key(ctx: FileContext, func: ast.AST, name: ast.Name) -> bool:
    """Whether the local `name` of `func` is bound only to literal-keyed dicts and every
    other use in `func` reads it, returns it or writes one literal key
    (``kwargs["client_type"] = ...``): it can hold no key the program did not write."""
    bindings = ctx.bindings_of(name)
    if not bindings or any(b.kind not in ("assign", "mutate") for b in bindings):
        return False
    if not all(_literal_keys(b.value) for b in bindings if b.kind == "assign"):
        return False
    for node in own_nodes(func):
        if not (isinstance(node, ast.Name) and node.id == name.id):
            continue
        parent = ctx.parent(node)
        if isinstance(parent, ast.Return) or (isinstance(parent, ast.Tuple) and isinstance(ctx.parent(parent), ast.Return)):
            continue
        if isinstance(parent, ast.Assign) and node in parent.targets:
            continue  # the literal binding checked above
        if isinstance(parent, ast.Subscript) and parent.value is node:
            key = parent.slice
            if isinstance(parent.ctx, ast.Load) or (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
        return False
    return True


def _judged(ctx: FileContext, expr: ast.AST, depth: int) -> tuple[str, str] | None:
    root = _schema_root(ctx, expr)
    if root is not None:
        typed = _schema_param(ctx, root)
        if typed is not None and typed[1]:
            privileged = _schema_privilege(ctx, typed[0])
            if privileged is None:
                return None
            return f"'{root.id}'", privileged
    if not ctx.taint.may_be_source(expr):
        return None  # judge could not say "source" (exact pre-check, no flow built)
    seen, found = ctx.taint.judge(expr, "session")
    if seen != "source":
        return None
    web = _web_origins(found)
    return (", ".join(web[:2]), "") if web else None


_COLLECTION_CALLS = frozenset({"builtins.frozenset", "builtins.set", "builtins.tuple", "builtins.list"})


def _constant_collection(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """A collection of literals: ``("a", "b")``, ``frozenset({"a"})``, a name bound to one,
    ``Model.ALLOWED``-style constants and ``A | B`` of them."""
    if depth > 4:
        return False
    if ctx.is_constant(expr, sanitizers=False):
        return True
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and value is not expr and _constant_collection(ctx, value, depth + 1)
    if isinstance(expr, ast.Call) and ctx.call_name(expr) in _COLLECTION_CALLS:
        return all(_constant_collection(ctx, a, depth + 1) for a in expr.args) and not expr.keywords
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.BitOr, ast.Add, ast.Sub, ast.BitAnd)):
        return _constant_collection(ctx, expr.left, depth + 1) and _constant_collection(ctx, expr.right, depth + 1)
    if isinstance(expr, ast.Attribute) and expr.attr.isupper():
        return True  # a class constant: User.EDITABLE_FIELDS
    return False


def _membership(ctx: FileContext, test: ast.AST, key: str) -> bool | None:
    """True for ``key in ALLOWED`` / ``key == "a"``, False for ``key not in ALLOWED`` /
    ``key != "a"`` (with a constant right side), None for any other test."""
    negate = False
    while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        negate = not negate
        test = test.operand
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.left, ast.Name)
        and test.left.id == key
        and _constant_collection(ctx, test.comparators[0])
    ):
        return None
    op = test.ops[0]
    if isinstance(op, (ast.In, ast.Eq)):
        return not negate
    if isinstance(op, (ast.NotIn, ast.NotEq)):
        return negate
    return None


def _exits(body: list[ast.stmt]) -> bool:
    last = body[-1] if body else None
    if isinstance(last, (ast.Continue, ast.Return, ast.Raise, ast.Break)):
        return True
    return isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and _tail(last.value.func) in ("abort", "exit")


def _allow_guarded(ctx: FileContext, node: ast.AST, key: str) -> bool:
    """`node` runs only for keys in an allow-list: inside ``if key in ALLOWED:``, or after
    ``if key not in ALLOWED: continue`` (also ``abort`` / ``raise`` / ``return``)."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.If):
            verdict = _membership(ctx, anc.test, key)
            if verdict is True and child in anc.body or verdict is False and child in anc.orelse:
                return True
        for field in ("body", "orelse"):
            block = getattr(anc, field, None)
            if isinstance(block, list) and child in block:
                for prev in block[: block.index(child)]:
                    if isinstance(prev, ast.If) and _membership(ctx, prev.test, key) is False and _exits(prev.body):
                        return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
        child = anc
    return False


def _from_request(ctx: FileContext, expr: ast.AST) -> bool:
    return ctx.taint.may_be_source(expr) and ctx.taint.judge(expr, "session")[0] == "source"


def _fixed_rows(ctx: FileContext, comp: ast.DictComp) -> bool:
    """The keys come from rows the program wrote out: the comprehension iterates a literal
    list or tuple of tuples (``for column, value in ((Model.name, body.name), ...)``) and
    its key reads only target names whose item holds no request data in any row
    (``column.key``): arize-phoenix's PATCH handlers, which take the values from the request
    body and the column names from the code."""
    gen = comp.generators[0]
    rows, target = gen.iter, gen.target
    if not isinstance(rows, (ast.Tuple, ast.List)) or not rows.elts or not isinstance(target, ast.Tuple):
        return False
    if not all(isinstance(t, ast.Name) for t in target.elts):
        return False
    if not all(isinstance(r, ast.Tuple) and len(r.elts) == len(target.elts) for r in rows.elts):
        return False
    used = {n.id for n in ast.walk(comp.key) if isinstance(n, ast.Name)}
    names = [t.id for t in target.elts]  # type: ignore[attr-defined]
    if not used or not used <= set(names):
        return False
    for index, name in enumerate(names):
        if name in used and any(_from_request(ctx, r.elts[index]) for r in rows.elts):  # type: ignore[attr-defined]
            return False
    return True


def _allow_listed(ctx: FileContext, comp: ast.DictComp) -> bool:
    """``{k: v for k, v in data.items() if k in ALLOWED}``, over a constant key list, or over
    rows whose key items the program wrote (`_fixed_rows`)."""
    gen = comp.generators[0]
    if _constant_collection(ctx, gen.iter) or _fixed_rows(ctx, comp):
        return True
    key = comp.key
    if not isinstance(key, ast.Name):
        return ctx.is_constant(key, sanitizers=False)
    return any(_membership(ctx, t, key.id) is True for g in comp.generators for t in g.ifs)


# --------------------------------------------------------------------------- targets


def _model_class(ctx: FileContext, func: ast.expr) -> tuple[str, Confidence] | None:
    """``(label, confidence)`` when `func` (a callee) builds a model object."""
    tail = _tail(func)
    if not tail or not tail[:1].isupper():
        return None
    qn = ctx.qualname(func) or ""
    if qn.startswith("builtins.") or qn in _NON_MODEL_CALLS:
        return None
    cls = _local_class(ctx, func)
    if cls is not None:
        classes, bases = class_lineage(ctx, cls)
        names = {_tail(b) for b in bases}
        decorators = [_tail(d.func if isinstance(d, ast.Call) else d) for c in classes for d in c.decorator_list]
        if any(d in ("dataclass", "define", "attrs", "frozen") for d in decorators):
            return None  # dataclasses and attrs classes: fixed fields, not stored rows
        if names & _SCHEMA_BASES or any(n.endswith(("Exception", "Error")) for n in names):
            return None
        if names & _MODEL_BASES or any(n.endswith("Model") for n in names):
            return tail, Confidence.HIGH
        return tail, Confidence.MEDIUM
    if tail.endswith(_SCHEMA_SUFFIXES):
        return None
    module = qn.rsplit(".", 1)[0] if "." in qn else ""
    if module and set(module.split(".")) & _SCHEMA_MODULE_WORDS:
        return None
    if module and set(module.split(".")) & _MODEL_MODULE_WORDS:
        return tail, Confidence.HIGH
    if isinstance(func, ast.Name):
        value = ctx.reaching_value(func)
        if isinstance(value, ast.Call) and _tail(value.func) == "get_user_model":
            return tail, Confidence.HIGH
    if qn.startswith("django.contrib.auth.models."):
        return tail, Confidence.HIGH
    return tail, Confidence.MEDIUM


def _is_plain_dict(ctx: FileContext, expr: ast.AST) -> bool:
    if isinstance(expr, (ast.Dict, ast.DictComp)):
        return True
    if isinstance(expr, ast.Call):
        return ctx.call_name(expr) in ("builtins.dict", "collections.OrderedDict", "collections.defaultdict")
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if value is not None and value is not expr and not isinstance(value, ast.Name):
            return _is_plain_dict(ctx, value)
        if expr.id in ("session", "g", "context", "ctx", "kwargs", "headers", "params", "options", "extra", "environ"):
            return True
    if isinstance(expr, ast.Attribute):
        return expr.attr in ("session", "headers", "environ", "config", "context")
    return False


def _query_chain(expr: ast.AST) -> bool:
    """A query or manager receiver: ``User.objects...``, ``User.query.filter_by(...)``,
    ``db.query(User).filter(...)``, ``update(User)``, ``User.update``-style class calls."""
    cur = expr
    for _ in range(12):
        if isinstance(cur, ast.Call):
            name = _tail(cur.func)
            if name in _QUERY_STEPS or name in ("update", "insert", "query", "select"):
                return True
            cur = cur.func
        elif isinstance(cur, ast.Attribute):
            if cur.attr in _QUERY_STEPS:
                return True
            cur = cur.value
        elif isinstance(cur, ast.Name):
            return cur.id[:1].isupper()
        else:
            return False
    return False


# Bases of the classes whose own ``create`` / ``update`` methods write rows: Django managers
# and querysets (``BaseUserManager``, ``models.QuerySet``), ORM models and their queries.
_STORE_BASE_SUFFIXES = ("Manager", "QuerySet", "Query", "Model", "Document", "Repository", "Session")


def _own_method(ctx: FileContext, call: ast.Call, receiver: ast.AST) -> bool:
    """``self.create(request, *args, **kwargs)`` / ``super().update(...)`` in a class that is
    not a manager, queryset, model or repository: the class's own method (DRF's generic views
    forward the URL kwargs to their ``create`` / ``update`` handlers), not an ORM write."""
    own = (isinstance(receiver, ast.Name) and receiver.id in ("self", "cls")) or (
        isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "super"
    )
    if not own:
        return False
    cls = ctx.enclosing_class(call)
    if cls is None:
        return False
    classes, bases = class_lineage(ctx, cls)
    names = {_tail(b) for b in bases} | {c.name for c in classes}
    return not any(n.endswith(_STORE_BASE_SUFFIXES) for n in names if n)


def _write_target(ctx: FileContext, call: ast.Call) -> tuple[str, Confidence] | None:
    """``(label, confidence)`` when `call` writes model fields from its ``**`` keywords."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _WRITE_METHODS:
        receiver = func.value
        if func.attr in ("update", "aupdate") and _is_plain_dict(ctx, receiver):
            return None
        if isinstance(receiver, ast.Attribute) and receiver.attr == "__dict__":
            return None
        if _own_method(ctx, call, receiver):
            return None
        return f"{_chain(func)}()", Confidence.HIGH
    found = _model_class(ctx, func)
    if found is not None:
        confidence = found[1]
        if confidence is Confidence.MEDIUM and not _may_persist(ctx, call):
            confidence = Confidence.LOW
        return f"{found[0]}(...)", confidence
    return None


# Calls that store an object: SQLAlchemy sessions, Django's save(), ODMs and repositories.
_PERSIST_METHODS = frozenset(
    {"add", "add_all", "merge", "save", "asave", "persist", "insert", "insert_one", "insert_many", "bulk_save_objects", "bulk_create", "put", "create", "upsert"}
)


def _may_persist(ctx: FileContext, call: ast.Call) -> bool:
    """Whether the object `call` builds may be stored: it is passed to a storing call
    (`_PERSIST_METHODS`: ``session.add(...)``, ``repo.save(...)``), its name is, or has
    ``.save()`` called on it, in the same function, or it is returned (the caller may store
    it). An object of an unknown class that is only used (a UI action, a settings value
    object, a CLI record) is no stored row."""
    parent = ctx.parent(call)
    if isinstance(parent, (ast.Return, ast.Await)):
        return True
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr in _PERSIST_METHODS:
        return True
    if not (isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name)):
        return False
    name = parent.targets[0].id
    scope = ctx.enclosing_function(call) or ctx.tree
    for node in own_nodes(scope):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PERSIST_METHODS):
            continue
        receiver = node.func.value
        if isinstance(receiver, ast.Name) and receiver.id == name:
            return True  # obj.save()
        if any(isinstance(a, ast.Name) and a.id == name for a in node.args):
            return True  # session.add(obj)
    if any(isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == name for n in own_nodes(scope)):
        return True
    return False


def _admin_only(ctx: FileContext, node: ast.AST, depth: int = 0) -> bool:
    """`node` runs only for administrators: in a handler restricted to them, or in a helper
    (not a handler) that every call of the module makes from such a handler (``def
    update_role(rid, data)`` called only by an ``@roles_required("Administrator")`` view),
    followed up to two helpers deep. A helper nothing in the module calls is not."""
    func = ctx.enclosing_function(node)
    while func is not None:
        h = handler_of(ctx, func)
        if h is not None:
            return protection(ctx, h).admin
        outer = ctx.enclosing_function(func)
        if outer is None:
            break
        func = outer
    if func is None or depth >= 2:
        return False
    calls = ctx.taint.callers(func)
    return bool(calls) and all(_admin_only(ctx, call, depth + 1) for call in calls)


def _report(ctx: FileContext, node: ast.AST, what: str, confidence: Confidence, fix: str = FIX_FIELDS) -> Hit:
    if _admin_only(ctx, node):
        confidence = Confidence.LOW
    return hit(node, what, fix, confidence=confidence)


def _describe(origin: str, detail: str) -> str:
    return f"{origin}, {detail}" if detail else origin


@on(ast.Module)
def check_keywords(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """The ``**`` and ``defaults=`` keywords of the file, found in one pass over its keywords
    instead of a check asked about each (most are neither)."""
    for node in ctx.nodes_of(ast.keyword):
        arg = node.arg  # type: ignore[attr-defined]
        if arg is None or arg == "defaults":
            yield from check_keyword(node, ctx)  # type: ignore[arg-type]


def check_keyword(node: ast.keyword, ctx: FileContext) -> Iterator[Hit]:
    """``Model(**data)``, ``objects.create(**data)``, ``update_or_create(defaults=data)``."""
    if node.arg is not None and node.arg != "defaults":
        return
    call = ctx.parent(node)
    if not isinstance(call, ast.Call) or node not in call.keywords:
        return
    if node.arg is None:
        target = _write_target(ctx, call)
    elif node.arg == "defaults" and _tail(call.func) in ("get_or_create", "update_or_create", "aget_or_create", "aupdate_or_create"):
        target = (f"{_chain(call.func)}()", Confidence.HIGH)
    else:
        return
    if target is None:
        return
    found = client_keys(ctx, node.value)
    if found is None:
        return
    what = f"{target[0]} takes every key of {_describe(*found)}"
    yield _report(ctx, node.value, what, target[1])


@on(ast.Call, callees=_POSITIONAL_WRITES | set(_MONGO_DOC_WRITES) | _MONGO_UPDATES | {"setattr"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = _tail(func)
    if name == "setattr" and isinstance(func, ast.Name) and ctx.qualname(func) == "builtins.setattr":
        yield from _check_setattr(node, ctx)
        return
    if not isinstance(func, ast.Attribute) or not node.args:
        return
    receiver = func.value
    if name in _POSITIONAL_WRITES:
        arg = node.args[0]
        if isinstance(receiver, ast.Attribute) and receiver.attr == "__dict__":
            label = f"{_short(receiver)}.update()"
        elif isinstance(receiver, ast.Call) and ctx.call_name(receiver) == "builtins.vars":
            label = f"{_short(receiver)}.update()"
        elif _query_chain(receiver) and not _is_plain_dict(ctx, receiver):
            label = f"{_chain(func)}()"
        else:
            return
        found = client_keys(ctx, arg)
        if found is not None:
            yield _report(ctx, arg, f"{label} takes every key of {_describe(*found)}", Confidence.HIGH)
        return
    collection = _tail(receiver)
    confidence = Confidence.HIGH if _words(collection) & _USER_MODEL_WORDS else Confidence.MEDIUM
    if name in _MONGO_DOC_WRITES:
        index = _MONGO_DOC_WRITES[name]
        if len(node.args) > index:
            doc = node.args[index]
            found = client_keys(ctx, doc)
            if found is not None:
                yield _report(ctx, doc, f"{_chain(func)}() stores every key of {_describe(*found)}", confidence)
        return
    if name in _MONGO_UPDATES and len(node.args) > 1:
        update = node.args[1]
        if isinstance(update, ast.Name):
            value = ctx.reaching_value(update)
            update = value if isinstance(value, ast.Dict) else update
        if isinstance(update, ast.Dict):
            for k, v in zip(update.keys, update.values):
                if ctx.const_str(k) in _MONGO_SET_OPS:
                    found = client_keys(ctx, v)
                    if found is not None:
                        yield _report(ctx, v, f"{_chain(func)}() $set takes every key of {_describe(*found)}", confidence)


def _check_setattr(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if len(node.args) < 2 or ctx.is_constant(node.args[1], sanitizers=False):
        return
    key = node.args[1]
    loop_iter = _loop_iterable(ctx, key)
    if loop_iter is not None:
        root = _schema_root(ctx, loop_iter)
        if root is not None:
            typed = _schema_param(ctx, root)
            if typed is not None and typed[1]:
                privileged = _schema_privilege(ctx, typed[0])
                if privileged is None:
                    return
                what = f"setattr() on {_short(node.args[0])} takes every key of '{root.id}', {privileged}"
                yield _report(ctx, key, what, Confidence.HIGH)
                return
    if loop_iter is not None and (
        _constant_collection(ctx, loop_iter) or _fixed_keys_helper(ctx, loop_iter)
    ):
        return
    if isinstance(key, ast.Name) and _allow_guarded(ctx, node, key.id):
        return
    if not ctx.taint.may_be_source(key):
        return  # judge could not say "source" (exact pre-check, no flow built)
    seen, found = ctx.taint.judge(key, "session")
    if seen != "source":
        return
    web = _web_origins(found)
    if not web:
        return
    what = f"setattr() on {_short(node.args[0])} takes attribute names from {', '.join(web[:2])}"
    yield _report(ctx, key, what, Confidence.HIGH, "loop over an allow-list of fields")


def _loop_iterable(ctx: FileContext, key: ast.AST) -> ast.AST | None:
    """The iterable of the ``for`` loop that binds `key`, if any."""
    if not isinstance(key, ast.Name):
        return None
    for b in ctx.bindings_of(key):
        if b.kind == "loop":
            loop = ctx.parent(b.target)
            while loop is not None and not isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
                loop = ctx.parent(loop)
            if loop is not None:
                return loop.iter
    return None


# --------------------------------------------------------------------------- serializers and forms

_FORM_FACTORIES = frozenset({"modelform_factory", "modelformset_factory", "inlineformset_factory"})


def _is_user_model(ctx: FileContext, expr: ast.AST | None) -> bool:
    if expr is None:
        return False
    if isinstance(expr, ast.Call):
        return _tail(expr.func) == "get_user_model"
    name = _tail(expr)
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, ast.Call) and _tail(value.func) == "get_user_model":
            return True
    text = ctx.const_str(expr)
    if text is not None:  # "auth.User" lazy references
        name = text.rsplit(".", 1)[-1]
    return bool(_words(name) & _USER_MODEL_WORDS)


def _django_user(ctx: FileContext, expr: ast.AST | None) -> bool:
    if isinstance(expr, ast.Call):
        return _tail(expr.func) == "get_user_model"
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, ast.Call) and _tail(value.func) == "get_user_model":
            return True
    return (ctx.qualname(expr) or "") in ("django.contrib.auth.models.User", "django.contrib.auth.get_user_model")


def _names_in(ctx: FileContext, expr: ast.AST | None) -> set | None:
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
        out = set()
        for e in expr.elts:
            s = ctx.const_str(e)
            if s is not None:
                out.add(s)
        return out
    if isinstance(expr, ast.Dict):
        return {s for s in (ctx.const_str(k) for k in expr.keys) if s is not None}
    return None


def _attrs(body: list[ast.stmt]) -> dict[str, ast.expr]:
    out = {}
    for stmt in body:
        if isinstance(stmt, ast.Assign):
            for t in stmt.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            out[stmt.target.id] = stmt.value
    return out


def _protected_fields(ctx: FileContext, meta: dict[str, ast.expr]) -> set:
    names = _names_in(ctx, meta.get("read_only_fields")) or set()
    extra = meta.get("extra_kwargs")
    if isinstance(extra, ast.Name):
        extra = ctx.reaching_value(extra)
    if isinstance(extra, ast.Dict):
        for k, v in zip(extra.keys, extra.values):
            s = ctx.const_str(k)
            if s and isinstance(v, ast.Dict) and any(
                ctx.const_str(kk) == "read_only" and isinstance(vv, ast.Constant) and vv.value is True
                for kk, vv in zip(v.keys, v.values)
            ):
                names.add(s)
    return names


def _privileges_covered(ctx: FileContext, model: ast.AST | None, names: set) -> bool:
    if _django_user(ctx, model):
        return all(f in names for f in _DJANGO_USER_PRIVILEGES)
    return any(_privilege_field(n) for n in names)


def _form_kind(ctx: FileContext, cls: ast.ClassDef) -> str | None:
    """"serializer", "form" or "view" for classes whose ``fields`` pick a model's fields."""
    _classes, bases = class_lineage(ctx, cls)
    if not bases:
        return None  # no base outside the module (most ``Meta`` classes)
    form = view = False
    for b in bases:
        n = _tail(b)
        if n.endswith("Serializer"):
            return "serializer"
        if n.endswith("Form"):
            form = True
        elif n.endswith(("CreateView", "UpdateView")):
            view = True
    return "form" if form else "view" if view else None


def _admin_view(ctx: FileContext, cls: ast.ClassDef) -> bool:
    _classes, bases = class_lineage(ctx, cls)
    return any(_words(_tail(b)) & {"staff", "superuser", "admin"} for b in bases)


@on(ast.ClassDef)
def check_class(node: ast.ClassDef, ctx: FileContext) -> Iterator[Hit]:
    """``class Meta: model = User; fields = "__all__"`` and generic views doing the same."""
    if node.name == "Meta":
        owner = ctx.parent(node)
        if not isinstance(owner, ast.ClassDef):
            return
        kind = _form_kind(ctx, owner)
        if kind not in ("serializer", "form"):
            return
        attrs = _attrs(node.body)
        yield from _judge_fields(ctx, owner, attrs, attrs, kind)
        return
    if _form_kind(ctx, node) == "view":
        attrs = _attrs(node.body)
        yield from _judge_fields(ctx, node, attrs, {}, "view")


def _judge_fields(ctx: FileContext, owner: ast.ClassDef, attrs: dict, meta: dict, kind: str) -> Iterator[Hit]:
    model = attrs.get("model")
    if model is None or not _is_user_model(ctx, model):
        return
    fields = attrs.get("fields")
    model_name = _short(model)
    confidence = Confidence.LOW if kind == "view" and _admin_view(ctx, owner) else Confidence.HIGH
    if fields is not None and ctx.const_str(fields) == "__all__":
        if kind == "serializer" and _privileges_covered(ctx, model, _protected_fields(ctx, meta)):
            return
        what = f"{owner.name} makes every field of {model_name} writable (fields = '__all__')"
        yield hit(fields, what, "list the fields the client may set", confidence=confidence)
        return
    exclude = attrs.get("exclude")
    if fields is None and exclude is not None:
        names = (_names_in(ctx, exclude) or set()) | (_protected_fields(ctx, meta) if kind == "serializer" else set())
        if not _privileges_covered(ctx, model, names):
            what = f"{owner.name} leaves the privilege fields of {model_name} writable (exclude)"
            yield hit(exclude, what, "list the fields the client may set instead of excluding some",
                      confidence=Confidence.LOW if confidence is Confidence.LOW else Confidence.MEDIUM)


@on(ast.Call, callees=_FORM_FACTORIES)
def check_factory(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``modelform_factory(User, fields="__all__")``."""
    model = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "model"), None)
    if _tail(node.func) == "inlineformset_factory" and len(node.args) > 1:
        model = node.args[1]
    if not _is_user_model(ctx, model):
        return
    for k in node.keywords:
        if k.arg == "fields" and ctx.const_str(k.value) == "__all__":
            what = f"{_tail(node.func)}() makes every field of {_short(model)} writable (fields = '__all__')"
            yield hit(k.value, what, "list the fields the client may set", confidence=Confidence.HIGH)
