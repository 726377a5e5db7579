"""AIS403 nosql-injection: MongoDB query documents or JavaScript built from untrusted input.

## What it does
Flags MongoDB queries that untrusted input can reshape:

- **operator injection**: a value parsed from JSON (``request.get_json()``, ``request.json``,
  ``json.loads(request.data)``, ``await request.json()``, a Lambda event, a FastAPI ``dict``
  body or a Pydantic field typed ``dict`` / ``Any``, ``json.loads`` of model output) used as
  a whole filter document, spread into one (``{**body}``), or used as a field's value
  (``{"token": body["token"]}``), where ``{"$ne": ""}`` matches every document;
- **JavaScript injection**: a ``$where`` string, a ``$function`` / ``$accumulator`` body, a
  ``bson.Code`` or a MongoEngine ``where()`` / ``exec_js()`` built from input;
- a field *name* taken from input (``{request.args["field"]: value}``), which can be
  ``$where``.

Sinks: PyMongo and Motor ``find``, ``find_one``, ``find_one_and_update`` / ``_replace`` /
``_delete``, ``update_one`` / ``update_many``, ``replace_one``, ``delete_one`` /
``delete_many``, ``count_documents``, ``distinct``, ``aggregate`` and ``watch`` pipelines,
bulk ``UpdateOne`` / ``DeleteOne`` ..., legacy ``update`` / ``remove`` / ``count`` /
``map_reduce``, and MongoEngine ``__raw__`` queries. Query documents are followed through
local variables, ``query[key] = value`` steps and helper functions of the module.

Not findings: values converted with ``str()``, ``int()``, ``ObjectId()`` and the like;
values under a comparison operator (``{"token": {"$eq": value}}``, also ``$in``, ``$ne``,
``$gt`` ...), which MongoDB compares literally; values checked with ``isinstance(value,
str)`` (an ``if`` that rejects and leaves); strings from ``request.args`` / ``request.form``,
route parameters and the command line, which cannot carry operators; a typed Pydantic field.
Confidence is **high** when input reaches the query; a parameter nobody in the module calls
formatted into JavaScript is **medium** (low in a test file, ``aisec-test-paths``: tests are
not deployed and their values are test data), a whole JavaScript string passed in is **low**
(hidden by default). A flaw written in the call is reported at the guilty value; a document
built in a variable or a helper is reported at the call's argument, on the sink's line.

## Why is this bad?
MongoDB reads a document value as an operator when its keys start with ``$``: a login that
sends ``{"password": {"$ne": ""}}`` matches any user, ``{"$regex": "^a"}`` probes secrets
one character at a time. ``$where`` and ``$function`` run JavaScript on the database server,
so text spliced into them changes the query's logic or ties up the server.

## Example
```python
from flask import request
from pymongo import MongoClient

users = MongoClient()["app"]["users"]


def login():
    body = request.get_json()
    return users.find_one({"name": body["name"], "password_hash": body["hash"]})
```

## Use instead
```python
from flask import request
from pymongo import MongoClient

users = MongoClient()["app"]["users"]


def login():
    body = request.get_json()
    return users.find_one({"name": str(body["name"]), "password_hash": str(body["hash"])})
```

## Known problems
Only values the module itself parses from JSON count as documents; a dict handed over by
another module is not judged, and neither is an update document (``{"$set": body}`` is
mass assignment, not query injection). ``$regex`` patterns from input (a denial of service
risk) are not reported. A method called ``find``, ``aggregate``, ``update`` ... counts only
when its argument is written as a document and the module imports a MongoDB library or the
receiver's name says it is a database or collection.

## Options
``aisec-extra-sanitizers`` entries of kind ``nosql`` add functions that make a value safe.

## References
- [CWE-943: Improper Neutralization of Special Elements in Data Query Logic](https://cwe.mitre.org/data/definitions/943.html)
- [OWASP WSTG: Testing for NoSQL Injection](https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/05.6-Testing_for_NoSQL_Injection)
- [MongoDB Manual: $where](https://www.mongodb.com/docs/manual/reference/operator/query/where/)
- [MongoDB Manual: $eq (literal comparison of documents)](https://www.mongodb.com/docs/manual/reference/operator/query/eq/)
- [PyMongo: Collection API](https://pymongo.readthedocs.io/en/stable/api/pymongo/collection.html)
- [MongoEngine: Raw queries](https://docs.mongoengine.org/guide/querying.html#raw-queries)
"""

from __future__ import annotations

import ast
from typing import Iterator, NamedTuple

from ..analysis.frameworks import REQUEST_NAMES
from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.values import (
    NUMERIC_TYPES,
    Judgement,
    argument,
    dotted,
    judge_value,
    model_class,
    query_confidence,
)
from ..checks import Confidence, FileContext, Hit, hit, on

# PyMongo Collection methods whose first argument is a filter document; Motor mirrors them.
# https://pymongo.readthedocs.io/en/stable/api/pymongo/collection.html
FILTER_METHODS = frozenset(
    {
        "find", "find_one", "find_one_and_update", "find_one_and_replace", "find_one_and_delete",
        "update_one", "update_many", "replace_one", "delete_one", "delete_many", "count_documents",
        "find_raw_batches",
        # PyMongo 3 / mongomock legacy API
        "update", "remove", "count", "find_and_modify",
    }
)
PIPELINE_METHODS = frozenset({"aggregate", "aggregate_raw_batches", "watch"})
# Names other libraries use too (str.find, dict.update, list.count): these need a document-
# shaped argument and a MongoDB import or a database-like receiver.
AMBIGUOUS_METHODS = frozenset({"find", "update", "remove", "count", "distinct", "aggregate", "watch"})
FILTER_KEYWORDS = ("filter", "spec", "query")
# pymongo.operations: UpdateOne(filter, update), DeleteMany(filter), ...
BULK_OPERATIONS = frozenset(
    f"pymongo{mod}.{name}"
    for mod in ("", ".operations")
    for name in ("UpdateOne", "UpdateMany", "ReplaceOne", "DeleteOne", "DeleteMany")
)
# Server-side JavaScript: bson.Code, Collection.map_reduce (PyMongo 3), MongoEngine
# QuerySet.where() / exec_js() (https://docs.mongoengine.org/apireference.html).
JS_CLASSES = frozenset({"bson.Code", "bson.code.Code"})
MAP_REDUCE_METHODS = frozenset({"map_reduce", "inline_map_reduce"})
MONGOENGINE_JS_METHODS = frozenset({"where", "exec_js"})
# Query operators that take a JavaScript string, and the JavaScript fields of $function and
# $accumulator (https://www.mongodb.com/docs/manual/reference/operator/aggregation/function/).
JS_OPERATORS = frozenset({"$where"})
JS_FUNCTION_OPERATORS = {"$function": frozenset({"body"}), "$accumulator": frozenset({"init", "accumulate", "merge", "finalize"})}
# Operators whose argument MongoDB compares literally: a document there is data, not a query.
# https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
LITERAL_OPERATORS = frozenset(
    {
        "$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$all", "$size", "$exists",
        "$type", "$mod", "$regex", "$options", "$literal", "$bitsAllSet", "$bitsAnySet",
        "$bitsAllClear", "$bitsAnyClear", "$search", "$language", "$caseSensitive",
        "$diacriticSensitive", "$near", "$nearSphere", "$geoWithin", "$geoIntersects",
        "$maxDistance", "$minDistance",
    }
)
MONGO_MODULES = frozenset(
    {
        "pymongo", "motor", "mongomock", "mongomock_motor", "flask_pymongo", "mongoengine",
        "flask_mongoengine", "bson", "beanie", "odmantic", "mongita", "montydb", "umongo", "pymodm",
    }
)
_RECEIVER_HINTS = ("db", "mongo", "coll", "collection", "collections", "database")
# Parsers whose result can be any JSON value, objects included.
JSON_LOADERS = frozenset(
    {
        "json.loads", "json.load", "orjson.loads", "ujson.loads", "ujson.load", "simplejson.loads",
        "simplejson.load", "rapidjson.loads", "bson.json_util.loads", "yaml.safe_load", "msgpack.unpackb",
        "msgpack.loads", "flask.json.loads", "flask.request.get_json", "quart.request.get_json",
    }
)
# Methods of a parsed document that return part of it (dict.get, pop, a model's dump).
_PART_METHODS = frozenset({"get", "pop", "setdefault", "copy", "dict", "model_dump", "to_dict", "values"})
# Methods of request objects that parse the body as JSON (Flask get_json, Starlette/aiohttp json).
_JSON_METHODS = frozenset({"get_json", "json"})
# Request-object attributes that hold a parsed body (Flask request.json, DRF request.data).
_JSON_ATTRS = frozenset({"json", "data"})
# Request attributes that are mappings of strings: as a whole document their keys are input.
_STRING_MAPPINGS = frozenset(
    {"args", "form", "values", "GET", "POST", "query_params", "path_params", "headers", "cookies", "COOKIES"}
)
# Lambda proxy event fields that hold strings or string maps (the body still needs json.loads).
# https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html
_EVENT_STRING_FIELDS = frozenset(
    {"body", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "headers",
     "multiValueHeaders", "rawPath", "rawQueryString", "path", "httpMethod", "stageVariables"}
)
# Annotations whose values are arbitrary JSON (FastAPI / Pydantic).
_JSON_TYPES = frozenset(
    {"dict", "Dict", "Any", "list", "List", "Mapping", "MutableMapping", "Json", "JsonValue", "object", "Sequence", "set", "Set"}
)
_WRAPPER_TYPES = frozenset({"Optional", "Annotated", "Union"})
# A value checked with isinstance() against one of these cannot be an operator document.
STRING_TYPES = NUMERIC_TYPES | frozenset({"str", "ObjectId", "datetime", "date"})
_MAX_HOPS = 6


class _Problem(NamedTuple):
    node: ast.AST
    found: Judgement
    confidence: Confidence
    how: str


def _imports_mongo(ctx: FileContext) -> bool:
    return ctx.imports_any(MONGO_MODULES)


def _returns(func: ast.AST) -> list[ast.AST]:
    """Values a def returns (not those of nested defs)."""
    out = []
    work = list(func.body)
    while work:
        node = work.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Return) and node.value is not None:
            out.append(node.value)
        work.extend(ast.iter_child_nodes(node))
    return out


def _annotation_is_json(ann: ast.AST | None) -> bool:
    """``dict``, ``Dict[str, Any]``, ``Optional[Any]``, ``list | None`` ...: any JSON value."""
    if ann is None:
        return False
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        return _annotation_is_json(ann.left) or _annotation_is_json(ann.right)
    if isinstance(ann, ast.Subscript):
        base = dotted(ann.value) or ""
        if base.rsplit(".", 1)[-1] in _WRAPPER_TYPES:
            inner = ann.slice
            elts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            if base.endswith("Annotated"):
                elts = elts[:1]
            return any(_annotation_is_json(e) for e in elts)
        ann = ann.value
    name = dotted(ann) or ""
    return name.rsplit(".", 1)[-1] in _JSON_TYPES


def _call_argument(func: ast.AST, call: ast.Call, param: ast.arg) -> ast.AST | None:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    offset = 1 if isinstance(call.func, ast.Attribute) and positional and positional[0].arg in ("self", "cls") else 0
    if param in positional:
        pos = positional.index(param) - offset
        if 0 <= pos < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: pos + 1]):
            return call.args[pos]
    return next((k.value for k in call.keywords if k.arg == param.arg), None)


class _Shape:
    """Whether a value may be a JSON object or array that the client wrote."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self.active: set = set()

    def parsed(self, expr: ast.AST, hops: int = 0) -> bool:
        """True when `expr` may hold a JSON object or array parsed from a request, an event
        or model output (whether it is untrusted is the taint engine's question)."""
        if hops > _MAX_HOPS or id(expr) in self.active:
            return False
        self.active.add(id(expr))
        try:
            return self._parsed(expr, hops)
        finally:
            self.active.discard(id(expr))

    def _parsed(self, expr: ast.AST, hops: int) -> bool:
        ctx = self.ctx
        if isinstance(expr, (ast.Await, ast.Starred)):
            return self.parsed(expr.value, hops)
        if isinstance(expr, ast.IfExp):
            return self.parsed(expr.body, hops) or self.parsed(expr.orelse, hops)
        if isinstance(expr, ast.BoolOp):
            return any(self.parsed(v, hops) for v in expr.values)
        if isinstance(expr, ast.Call):
            return self._call(expr, hops)
        if isinstance(expr, ast.Subscript):
            base = expr.value
            if self._lambda_event(base) and ctx.const_str(expr.slice) in _EVENT_STRING_FIELDS:
                return False
            return self.parsed(base, hops)
        if isinstance(expr, ast.Attribute):
            return self._attribute(expr)
        if isinstance(expr, ast.Name):
            return self._name(expr, hops)
        return False

    def _call(self, expr: ast.Call, hops: int) -> bool:
        ctx = self.ctx
        name = ctx.call_name(expr)
        if name in JSON_LOADERS:
            return True
        if name in ("builtins.dict", "builtins.list", "copy.copy", "copy.deepcopy"):
            return any(self.parsed(a, hops) for a in expr.args)
        func = expr.func
        if isinstance(func, ast.Attribute) and name is None:
            if func.attr in _JSON_METHODS:
                return True
            if func.attr in _PART_METHODS:
                return self.parsed(func.value, hops)
            return False
        local = ctx.taint.local_function(func)
        if local is not None:
            return any(self.parsed(r, hops + 1) for r in _returns(local))
        return False

    def _attribute(self, expr: ast.Attribute) -> bool:
        ctx = self.ctx
        qn = ctx.qualname(expr)
        if qn is not None:
            return qn in ("flask.request.json", "quart.request.json")
        base = expr.value
        if isinstance(base, ast.Name):
            binds = ctx.bindings_of(base)
            param = binds[0].target if len(binds) == 1 and binds[0].kind == "param" else None
            if isinstance(param, ast.arg):
                model = model_class(ctx, param.annotation)
                if model is not None:
                    return self._field_is_json(model, expr.attr)
                if expr.attr in _JSON_ATTRS and param.arg in REQUEST_NAMES:
                    return True
            if base.id == "self" and expr.attr == "request":
                return False
        if isinstance(base, ast.Attribute) and dotted(base) == "self.request" and expr.attr in _JSON_ATTRS:
            return True
        return False

    @staticmethod
    def _field_is_json(model: ast.ClassDef, field: str) -> bool:
        for stmt in model.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == field:
                return _annotation_is_json(stmt.annotation)
        return False

    def _name(self, expr: ast.Name, hops: int) -> bool:
        ctx = self.ctx
        binds = ctx.reaching_bindings(expr) or ctx.bindings_of(expr)
        for b in binds:
            if b.kind == "param" and isinstance(b.target, ast.arg):
                if self._param(b.target, hops):
                    return True
            elif b.kind == "loop":
                loop = ctx.parent(b.target)
                while loop is not None and not isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
                    loop = ctx.parent(loop)
                if loop is not None and self.parsed(loop.iter, hops + 1):
                    return True
            elif b.value is not None and b.kind != "mutate" and self.parsed(b.value, hops + 1):
                return True
        return False

    def _param(self, param: ast.arg, hops: int) -> bool:
        ctx = self.ctx
        func = ctx.scope_of(param)
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        route = ctx.taint.route_kind(func)
        if route == "lambda":
            params = [*func.args.posonlyargs, *func.args.args]
            return bool(params) and params[0] is param
        if route == "fastapi":
            if _annotation_is_json(param.annotation):
                return True
            default = _default_of(func, param)
            return param.annotation is None and isinstance(default, ast.Call) and (dotted(default.func) or "").endswith("Body")
        if route is not None:
            return False  # Flask / Django path segments are strings
        for call in ctx.taint.callers(func):
            arg = _call_argument(func, call, param)
            if arg is not None and self.parsed(arg, hops + 1):
                return True
        return False

    def _lambda_event(self, expr: ast.AST) -> bool:
        if not isinstance(expr, ast.Name):
            return False
        binds = self.ctx.bindings_of(expr)
        if len(binds) != 1 or binds[0].kind != "param" or not isinstance(binds[0].target, ast.arg):
            return False
        return self._param(binds[0].target, 0)


def _default_of(func: ast.AST, param: ast.arg) -> ast.AST | None:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    if param in positional:
        i = positional.index(param) - (len(positional) - len(args.defaults))
        return args.defaults[i] if i >= 0 else None
    if param in args.kwonlyargs:
        return args.kw_defaults[args.kwonlyargs.index(param)]
    return None


class _Walker:
    """Walks a query document (or pipeline) and collects what input can reshape in it."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self.shape = _Shape(ctx)
        self.seen: set = set()
        self.problems: list[_Problem] = []

    # ---- documents, pipelines and stages
    def document(self, expr: ast.AST, hops: int = 0) -> None:
        """A filter document, a pipeline, a stage or an operator's argument."""
        ctx = self.ctx
        if hops > _MAX_HOPS or id(expr) in self.seen or ctx.is_constant(expr):
            return
        self.seen.add(id(expr))
        if isinstance(expr, ast.Dict):
            for key, value in zip(expr.keys, expr.values):
                self.item(key, value, hops)
        elif isinstance(expr, (ast.List, ast.Tuple)):
            for elt in expr.elts:
                self.document(elt, hops)
        elif isinstance(expr, (ast.IfExp,)):
            self.document(expr.body, hops)
            self.document(expr.orelse, hops)
        elif isinstance(expr, ast.Await):
            self.document(expr.value, hops)
        elif isinstance(expr, ast.Name) and self._follow(expr, hops, self.document):
            return
        elif isinstance(expr, ast.Call) and self._call(expr, hops):
            return
        else:
            self.opaque(expr, document=True)

    def _follow(self, name: ast.Name, hops: int, then) -> bool:
        """Walk the document a local variable holds (a dict or list written in the module,
        then ``query[key] = value`` steps); False when it holds some other value, which is
        then judged where it is used, after any check of it."""
        ctx = self.ctx
        binds = ctx.reaching_bindings(name)
        plain = [b for b in binds if b.kind != "mutate"]
        if not plain or not all(self._written(b.value) for b in plain):
            return False
        for b in binds:
            if b.kind == "mutate":
                self._mutation(b, hops + 1)
            else:
                then(b.value, hops + 1)
        return True

    def _written(self, value: ast.AST | None) -> bool:
        """A document written in the module: a dict, list or ``dict()`` display, a helper's
        result, or a choice between such."""
        ctx = self.ctx
        if isinstance(value, ast.IfExp):
            return self._written(value.body) and self._written(value.orelse)
        if isinstance(value, (ast.Dict, ast.List, ast.Tuple)):
            return True
        if isinstance(value, ast.Call):
            return ctx.call_name(value) == "builtins.dict" or ctx.taint.local_function(value.func) is not None
        return False

    def _mutation(self, binding, hops: int) -> None:
        parent = self.ctx.parent(binding.target)
        if isinstance(parent, ast.Subscript):  # query[key] = value
            self.item(parent.slice, binding.value, hops)
        elif isinstance(parent, ast.Attribute) and parent.attr in ("update", "append", "extend", "insert"):
            self.document(binding.value, hops)

    def _call(self, call: ast.Call, hops: int) -> bool:
        ctx = self.ctx
        if ctx.call_name(call) == "builtins.dict":
            for arg in call.args:
                self.document(arg, hops)
            for kw in call.keywords:
                if kw.arg is None:
                    self.document(kw.value, hops)
                else:
                    self.field(kw.value, hops)
            return True
        local = ctx.taint.local_function(call.func)
        if local is not None:
            for value in _returns(local):
                self.document(value, hops + 1)
            return True
        return False

    # ---- one key: value pair
    def item(self, key: ast.AST | None, value: ast.AST, hops: int) -> None:
        """One ``key: value`` of a document (``key`` None for ``**spread``)."""
        ctx = self.ctx
        if key is None:  # {**other}
            self.document(value, hops)
            return
        name = ctx.const_str(key)
        if name is None:
            if not ctx.is_constant(key):
                found = judge_value(ctx, key, "nosql")
                if found.level == "source":
                    self.problems.append(_Problem(key, found, Confidence.HIGH, "as a field name"))
            self.field(value, hops)
        elif name in JS_OPERATORS:
            self.javascript(value, f"as {name} JavaScript")
        elif name in JS_FUNCTION_OPERATORS:
            self._function_spec(value, JS_FUNCTION_OPERATORS[name], name, hops)
        elif name in LITERAL_OPERATORS:
            return
        elif name.startswith("$"):
            self.document(value, hops)
        else:
            self.field(value, hops)

    def _function_spec(self, value: ast.AST, fields: frozenset, op: str, hops: int) -> None:
        ctx = self.ctx
        if isinstance(value, ast.Name) and hops < _MAX_HOPS:
            for b in ctx.reaching_bindings(value):
                if b.value is not None and b.kind != "mutate":
                    self._function_spec(b.value, fields, op, hops + 1)
            return
        if isinstance(value, ast.Dict):
            for k, v in zip(value.keys, value.values):
                if k is not None and ctx.const_str(k) in fields:
                    self.javascript(v, f"as {op} JavaScript")
                elif k is not None and ctx.const_str(k) == "args":
                    self.document(v, hops)
            return
        self.opaque(value, document=True)

    # ---- a field's value: a literal, an operator document, or input
    def field(self, value: ast.AST, hops: int) -> None:
        """The value of a field: matched literally unless it is an operator document."""
        ctx = self.ctx
        if hops > _MAX_HOPS or ctx.is_constant(value):
            return
        if isinstance(value, ast.Dict):
            keys = [ctx.const_str(k) if k is not None else None for k in value.keys]
            if any(k is None or k.startswith("$") for k in keys):
                self.document(value, hops)
            # else: an embedded document, matched literally
        elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            return  # an array, matched literally
        elif isinstance(value, ast.IfExp):
            self.field(value.body, hops)
            self.field(value.orelse, hops)
        elif isinstance(value, ast.Name) and self._follow(value, hops, self.field):
            return
        else:
            self.opaque(value, document=False)

    # ---- sinks inside the document
    def opaque(self, expr: ast.AST, document: bool) -> None:
        """A value not written here: a problem when it can be a client-written document."""
        ctx = self.ctx
        if ctx.is_constant(expr):
            return
        shaped = self.shape.parsed(expr) or (document and self._string_mapping(expr))
        if not shaped:
            return
        found = judge_value(ctx, expr, "nosql", types=STRING_TYPES)
        if found.level == "source":
            how = "as a query document" if document else "as an unconverted value"
            self.problems.append(_Problem(expr, found, Confidence.HIGH, how))

    def _string_mapping(self, expr: ast.AST) -> bool:
        """``request.args``, ``request.GET.dict()``, ``dict(request.form)``: keys are input."""
        while isinstance(expr, ast.Call):
            if self.ctx.call_name(expr) == "builtins.dict" and expr.args:
                expr = expr.args[0]
            elif isinstance(expr.func, ast.Attribute) and expr.func.attr in ("to_dict", "dict", "copy"):
                expr = expr.func.value
            else:
                return False
        return isinstance(expr, ast.Attribute) and expr.attr in _STRING_MAPPINGS

    def javascript(self, value: ast.AST, how: str) -> None:
        """A JavaScript string the server runs ($where, $function body, Code)."""
        ctx = self.ctx
        if ctx.is_constant(value):
            return
        found = judge_value(ctx, value, "nosql")
        conf = query_confidence(ctx, value, found)
        if conf is not None:
            self.problems.append(_Problem(value, found, conf, how))


def _database_like(ctx: FileContext, receiver: ast.AST) -> bool:
    if _imports_mongo(ctx):
        return True
    text = (dotted(receiver) or "").lower()
    if isinstance(receiver, ast.Subscript):
        text = (dotted(receiver.value) or "").lower()
    return any(part in _RECEIVER_HINTS or part.endswith(("_db", "_coll", "_collection")) for part in text.split("."))


def _document_shaped(ctx: FileContext, arg: ast.AST, shape: _Shape) -> bool:
    if isinstance(arg, (ast.Dict, ast.List)):
        return True
    if isinstance(arg, ast.Name):
        for b in ctx.bindings_of(arg):
            if isinstance(b.value, (ast.Dict, ast.List)):
                return True
            if isinstance(b.value, ast.Call) and ctx.call_name(b.value) == "builtins.dict":
                return True
    return shape.parsed(arg)


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(argument, description)`` for each query document, pipeline or JavaScript of a call."""
    for arg, _what, sink in _sinks(node, ctx):
        yield arg, sink


def _sinks(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str, str]]:
    """``(argument, what it is, sink)``: what = "document", "pipeline" or "javascript"."""
    yield from _extra_sinks(node, ctx)
    yield from _raw_sinks(node)
    yield from _named_sinks(node, ctx)


def _extra_sinks(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str, str]]:
    for arg, sink in extra_sink_args(ctx, node, "nosql"):
        yield arg, "document", sink


def _raw_sinks(node: ast.Call) -> Iterator[tuple[ast.AST, str, str]]:
    """MongoEngine's ``__raw__`` query keyword, whatever the callee: ``Model.objects(__raw__=
    {...})``, ``.filter(__raw__=...)``, ``.update(__raw__=...)``."""
    for kw in node.keywords:
        if kw.arg == "__raw__":
            yield kw.value, "document", "__raw__ query"


def _named_sinks(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str, str]]:
    """The sinks a call has by its callee: only calls named in `CALLEES` have any."""
    name = ctx.call_name(node)
    if name in BULK_OPERATIONS:
        arg = argument(node, 0, ("filter",))
        if arg is not None:
            yield arg, "document", f"{name.rsplit('.', 1)[-1]}()"
        return
    if name in JS_CLASSES:
        arg = argument(node, 0, ("code",))
        if arg is not None:
            yield arg, "javascript", "Code()"
        return
    func = node.func
    if not isinstance(func, ast.Attribute):
        return
    method = func.attr
    if name is not None and name.split(".")[0] not in MONGO_MODULES:
        return
    if method in MONGOENGINE_JS_METHODS:
        arg = argument(node, 0, ("where_clause", "code"))
        if arg is not None and _imports_mongoengine(ctx):
            yield arg, "javascript", f"{method}()"
        return
    if method in MAP_REDUCE_METHODS:
        for i, kw in enumerate(("map", "reduce")):
            arg = argument(node, i, (kw,))
            if arg is not None:
                yield arg, "javascript", f"{method}()"
        return
    if method in FILTER_METHODS:
        arg, what = argument(node, 0, FILTER_KEYWORDS), "document"
        if method == "update" and len(node.args) + len(node.keywords) < 2:
            return
    elif method in PIPELINE_METHODS:
        arg, what = argument(node, 0, ("pipeline",)), "pipeline"
    elif method == "distinct":
        arg, what = argument(node, 1, ("filter",)), "document"
    else:
        return
    if arg is None:
        return
    if method in AMBIGUOUS_METHODS and not (_database_like(ctx, func.value) and _document_shaped(ctx, arg, _Shape(ctx))):
        return
    yield arg, what, f"{method}()"


def _imports_mongoengine(ctx: FileContext) -> bool:
    return ctx.imports_any(("mongoengine", "flask_mongoengine"))


def _inside(ctx: FileContext, node: ast.AST, root: ast.AST) -> bool:
    if node is root:
        return True
    return any(anc is root for anc in ctx.ancestors(node))


# Every callee name `_named_sinks` can report on (the method name, or the last part of the
# qualified name); user-declared extra sinks are added by the engine.
CALLEES = frozenset(
    FILTER_METHODS | PIPELINE_METHODS | {"distinct"} | MAP_REDUCE_METHODS | MONGOENGINE_JS_METHODS
    | {n.rsplit(".", 1)[-1] for n in BULK_OPERATIONS | JS_CLASSES}
)


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    yield from _report(node, ctx, [*_extra_sinks(node, ctx), *_named_sinks(node, ctx)])


@on(ast.Call, keywords={"__raw__"})
def check_raw_query(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``__raw__=`` may be passed to any queryset method, so this part sees every call that
    passes it."""
    for kw in node.keywords:
        if kw.arg == "__raw__":
            break
    else:
        return
    sinks = list(_raw_sinks(node))
    if sinks:
        yield from _report(node, ctx, sinks)


def _report(node: ast.Call, ctx: FileContext, sinks: list[tuple[ast.AST, str, str]]) -> Iterator[Hit]:
    if not sinks or is_dead(ctx, node):
        return
    for arg, what, sink in sinks:
        if isinstance(arg, ast.Starred) or ctx.is_constant(arg):
            continue
        walker = _Walker(ctx)
        if what == "javascript":
            walker.javascript(arg, "as JavaScript")
        else:
            walker.document(arg)
        # A problem written in the call is reported where it is; one built in a variable or a
        # helper is reported at the argument, on the sink's line.
        merged: dict[int, tuple[ast.AST, list[_Problem]]] = {}
        for problem in walker.problems:
            at = problem.node if _inside(ctx, problem.node, arg) else arg
            merged.setdefault(id(at), (at, []))[1].append(problem)
        for at, problems in merged.values():
            best = max(problems, key=lambda p: p.confidence.rank)
            origins = sorted({o for p in problems if p.found.level == "source" for o in p.found.origins})
            source = ", ".join(origins) if origins else best.found.describe()
            where = f"{sink} {best.how}".rstrip()
            yield hit(at, source, where, confidence=best.confidence)
