"""AIS401 sql-injection: SQL built from a non-constant value and passed to an execute call.

## What it does
Flags SQL text built with an f-string, ``%``-formatting, ``str.format`` or ``+`` from a
non-constant value when it reaches a SQL sink, directly or through a variable (including
``query += ...`` steps):

- DB-API and sqlite3 ``cursor.execute`` / ``executemany`` / ``executescript``, and
  ``execute`` on connections, sessions and engines; asyncpg ``fetch`` / ``fetchrow`` /
  ``fetchval``; peewee ``execute_sql``;
- SQLAlchemy ``text(...)`` and ``exec_driver_sql(...)``;
- Django ``Model.objects.raw(...)``, ``QuerySet.extra(where=/select=/tables=)`` and
  ``RawSQL(...)``;
- pandas ``read_sql`` / ``read_sql_query``.

The text must look like SQL (it starts with a statement keyword such as SELECT, INSERT,
UPDATE, DELETE, WITH), so prose in log or error messages is never SQL; ``RawSQL`` and
``extra()`` take fragments and are exempt from that check.

Confidence comes from the taint engine: **high** when untrusted input (request data, route
parameters, the command line, ``input()``, a Lambda event, model output) reaches the SQL in
any position, including through a helper of the same module that a route calls with it (the
finding stays at the helper's ``execute``, where the fix goes, and names the source);
**medium** when an unknown value (a parameter of a function nobody in the module calls) sits
where SQL expects a *value* (after ``=``, ``LIKE``, ``BETWEEN``, ``LIMIT``, inside ``'...'`` or a
``VALUES (`` / ``IN (`` list); **low** (hidden by default) for an unknown value in any other
position (a table or column name, a keyword, a whole clause), since identifiers cannot be bound
and are usually quoted or allow-listed. Standard SQL's ``"..."`` quotes an identifier (``FROM
"{table}"``, ``MAX("{column}")``); it is a value only where it opens in a value position
(MySQL's default ``name = "{v}"``) or as a function's argument (``GET_METADATA("{url}")``).
In a test file (``aisec-test-paths``) the medium case is low too: tests are not deployed and
their parameters are test data; untrusted input stays high. Nothing is reported when every
caller in the module passes a constant or a checked value, after an allow-list or
``re.fullmatch`` guard, for typed route parameters (``order_id: int``, ``<int:order_id>``)
or in dead branches.

## Why is this bad?
Text spliced into SQL is parsed as SQL: a value like ``' OR '1'='1`` changes the query, and
can read, change or delete any row the database account can reach.

## Example
```python
def find_user(cursor, name):
    cursor.execute(f"SELECT id, email FROM users WHERE name = '{name}'")
    return cursor.fetchone()
```

## Use instead
```python
def find_user(cursor, name):
    cursor.execute("SELECT id, email FROM users WHERE name = %s", (name,))
    return cursor.fetchone()
```

## Known problems
Constants, module-level constant names, ``int()`` / ``float()`` / ``uuid.UUID()`` casts,
identifier quoting (``connection.ops.quote_name()``, ``sql.Identifier()``), items of constant
mappings, ``",".join("?" for _ in ids)`` placeholder lists and bound parameters are not
findings; nor are pieces the server makes (the clock: ``datetime.now()``, ``time.time()``,
``uuid4()``, also through a module helper such as ``def utcnow()``; a module helper every
return of which is constant, ``def _changed(): return " OR ".join(f"NEW.{c} <> OLD.{c}" for c
in ("id", *COLUMNS))``, is too), Django model metadata
(``Model._meta.db_table``), SQLAlchemy table names (``model.__tablename__``), a dialect's
``identifier_preparer.quote(name)``, string items of a module-level constant mapping taken
by a ``for`` loop, the members of an enumeration a loop or comprehension takes (``", ".join(
f"'{s}'" for s in ExecutionStatus if s.is_finished)``: iterating a class object works only for
an ``Enum``, whose members the code declares; Python docs, enum), the integers a loop counts
(``", ".join(f":val_{i}" for i in range(n))``, the index of ``enumerate()``) or
``next(itertools.count())`` draws, a local list made of such pieces and the loop items (also
through ``zip()``) it gives, conditionals and concatenations of such pieces and constants (a
``str.format(**params)`` of a local ``dict(...)`` is read field by field), and a value whose quote is doubled where it sits between two of that quote
(``f'... "{url}"'`` after ``url = url.replace('"', '""')``; ``''`` inside ``'...'``), also
when a module function returns it so quoted (``def literal_string(s): return "'" +
s.replace("'", "''") + "'"``) and the call does not sit inside another literal. A
statement that takes no bound parameters anywhere (``PRAGMA``, ``SET``, DDL) built from the
operator's settings (``os.environ.get(...)``, ``os.getenv(...)``, a name imported from an
``env``, ``settings`` or ``config`` module, Django's ``settings``) is low: the environment is
not input in this rule's model (``f"PRAGMA key = '{DATABASE_PASSWORD}'"`` for SQLCipher).
In DDL (``CREATE`` / ``ALTER`` / ``DROP``) a bare piece after ``=``, outside quotes and
outside a WHERE clause, is an option of the object or a name, not a value a placeholder could
carry (``ALTER SESSION SET current_schema = {schema}``, ``CREATE INDEX ... WITH (dims =
{dims})``): an unknown value there is low, as in any identifier position; a quoted one
(``ALTER ROLE app SET search_path = '{v}'``) and a ``PRAGMA`` value (``PRAGMA
busy_timeout={timeout}``) stay medium.
``json.dumps()`` of a constant (``json.dumps({"plaintext": "false"})``) and a class's own
string constant read through ``self.`` / ``cls.`` (``table_name = "profiles"`` in the class
body, a plain assignment never rebound as an attribute in the module; an annotated field is
set by the constructor and is not one) are constants. So is a number the database computes:
the one column of a ``SELECT count(...)`` or ``SELECT max(rowid)`` / ``min(rowid)`` read back
with ``.fetchone()[...]`` or ``.scalar()`` (SQLite's rowid is a 64-bit integer), also when
another binding sets the name to an integer literal (``if max_id is None: max_id = 0``);
any other value read from the database is not.
A loop over a literal list (``for table, kind in [("knowledge", "k"), ...]``) and the keys of
a dict literal built in the function (``", ".join(f'"{k}"' for k in params)`` after
``params = {k: v for k, v in {"id": ..., "name": ...}.items() if v}``) are constants; the
keys of a caller's dict are not. Not seen yet: the field names of ``asdict(obj)`` and of
``to_dict()`` results, and attributes validated in ``__init__``. Callers in other modules are not seen: a public helper's parameters stay unknown
(medium in value positions). Query builders other than those listed are not modelled.

## Options
``aisec-extra-sinks`` (``myapp.db.run_query:sql``) adds your own query functions,
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input
readers and escaping helpers; ``aisec-min-confidence`` shows the low-confidence identifier
positions.

## References
- [CWE-89: Improper Neutralization of Special Elements used in an SQL Command](https://cwe.mitre.org/data/definitions/89.html)
- [OWASP Top 10 2021 A03: Injection](https://owasp.org/Top10/A03_2021-Injection/)
- [PEP 249: DB-API 2.0, paramstyle](https://peps.python.org/pep-0249/#paramstyle)
- [SQLAlchemy: Using textual SQL, bound parameters](https://docs.sqlalchemy.org/en/20/core/sqlelement.html#sqlalchemy.sql.expression.text)
- [Django: Performing raw SQL queries](https://docs.djangoproject.com/en/stable/topics/db/sql/)
- [OWASP SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.context import flatten_add
from ..analysis.strings import Built, build_string, joined_items
from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.values import class_constant, unknown_origin
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# DB-API, sqlite3, SQLAlchemy, psycopg; asyncpg's fetch / fetchrow / fetchval; peewee's
# execute_sql. The SQL-shape check on the argument keeps other `fetch` methods out.
EXECUTE_METHODS = frozenset(
    {"execute", "executemany", "executescript", "exec_driver_sql", "mogrify", "fetch", "fetchrow", "fetchval", "execute_sql"}
)
TEXT_CALLS = frozenset({"sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text"})
RAWSQL_CALLS = frozenset({"django.db.models.RawSQL", "django.db.models.expressions.RawSQL"})
PANDAS_CALLS = frozenset({"pandas.read_sql", "pandas.read_sql_query"})
# Sinks that take a fragment of SQL (an expression or a WHERE condition), not a statement.
FRAGMENT_SINKS = frozenset({"extra()", "RawSQL()"})

# One whitespace run, then an optional "(" and its own run: two adjacent \s* runs would
# backtrack over every split of a long run of spaces (quadratic); never starting inside a run
# keeps search() linear too.
_SQL_START = lazy_compile(
    r"(?<!\s)\s*(?:\(\s*)?(?:select|insert|update|delete|with|create|drop|alter|truncate|replace|merge|"
    r"upsert|exec|execute|call|pragma|grant|revoke|show|describe|desc|values|begin|declare)\b",
    re.IGNORECASE,
)
_SQL_ANYWHERE = lazy_compile(r"\b(?:where|from|set|values|into|join|order\s+by|group\s+by)\b", re.IGNORECASE)
# Text just before a placeholder that makes it a *value* position: a comparison, a quote,
# LIKE / BETWEEN / LIMIT / OFFSET / THEN / ELSE / WHEN, or inside VALUES (...) / IN (...).
_VALUE_BEFORE = lazy_compile(
    r"(?:[=<>]|\b(?:like|ilike|between|and|limit|offset|then|else|when)|')\s*$", re.IGNORECASE
)
_BETWEEN_AND = lazy_compile(r"\bbetween\s+\S+\s+and\s*$", re.IGNORECASE)
_OPEN_LIST = lazy_compile(r"\b(?:values|in)\s*\(", re.IGNORECASE)
_MAX_DEPTH = 6


def _classify(built: Built, ctx: FileContext, statement: bool = True) -> tuple[Confidence | None, list[str]]:
    """Confidence that the built string is injectable SQL (None if it is not SQL at all),
    and the untrusted origins that reach it. Fragments (`statement` False: RawSQL, extra())
    need not start with a statement keyword."""
    text = "".join(s if isinstance(s, str) else " 0 " for s in built.parts)
    if statement and not (_SQL_START.match(text) or (not isinstance(built.parts[0], str) and _SQL_ANYWHERE.search(text))):
        return None, []
    unbindable = statement and _NO_BIND_START.match(text) is not None
    best: Confidence | None = None
    found: set = set()
    before = ""
    parts = built.parts
    for index, seg in enumerate(parts):
        if isinstance(seg, str):
            before += seg
            continue
        after = parts[index + 1] if index + 1 < len(parts) and isinstance(parts[index + 1], str) else ""
        if (
            server_derived(ctx, seg)
            or _quoted_in_place(ctx, seg, before, after)
            or (not _inside_quotes(before) and _self_quoting(ctx, seg))
            or ctx.is_constant(seg)
        ):
            before += " 0 "
            continue
        seen, origins_here = ctx.taint.judge(seg, "sql")
        found.update(origins_here)
        if seen == "safe":
            before += " 0 "
            continue
        if seen == "source":
            conf = Confidence.HIGH
        elif unbindable and operator_setting(ctx, seg):
            conf = Confidence.LOW
        elif (_value_position(before) and not (unbindable and _option_slot(text, before))) or _parts_have_values(seg, ctx):
            conf = unknown_origin(ctx, Confidence.MEDIUM)
        else:
            conf = Confidence.LOW
        if best is None or conf.rank > best.rank:
            best = conf
        before += " 0 "
    return best, sorted(found)


# Statements that take no bound parameters anywhere (SQLite ``PRAGMA``, ``SET`` of a
# session variable, DDL): a setting can only be spliced in.
_NO_BIND_START = lazy_compile(r"(?<!\s)\s*(?:pragma|set|create|alter|drop|vacuum|grant|revoke)\b", re.IGNORECASE)
_DDL_START = lazy_compile(r"(?<!\s)\s*(?:create|alter|drop)\b", re.IGNORECASE)
_WHERE = lazy_compile(r"\bwhere\b", re.IGNORECASE)


def _option_slot(text: str, before: str) -> bool:
    """In DDL (``CREATE`` / ``ALTER`` / ``DROP``, which take no bound parameters), a bare piece
    after ``=`` outside quotes and outside a WHERE clause is an option of the object or a
    name (``ALTER SESSION SET current_schema = {schema}``, ``CREATE INDEX ... WITH (dims =
    {n})``), not a value a placeholder could carry: an identifier position, as the rule
    judges one. A ``PRAGMA`` or ``SET`` value stays a value."""
    return _DDL_START.match(text) is not None and not _inside_quotes(before) and _WHERE.search(before) is None


# Last module names of the operator's settings (``from app.env import BUSY_TIMEOUT``).
_SETTINGS_MODULES = frozenset({"env", "environment", "settings", "config", "conf", "configuration", "constants"})
_ENV_READS = frozenset({"os.getenv", "os.environ.get", "os.environ.__getitem__"})
# Calls and methods that keep a setting a setting: ``int(TIMEOUT)``, ``KEY.strip()``.
_SETTING_KEEPERS = frozenset({"builtins.int", "builtins.str", "builtins.float", "builtins.bool"})


def operator_setting(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """A value from the operator's configuration: read from the environment
    (``os.environ.get("DATABASE_PASSWORD")``, ``os.environ["X"]``, ``os.getenv("X")``),
    imported from a settings module (``from app.env import BUSY_TIMEOUT``; the last module
    name is in `_SETTINGS_MODULES`), Django's ``settings.X``, or a name every binding of which
    is one of these, also through ``int()`` / ``str()`` and str methods. The environment is
    not input in this rule's model: whoever sets it runs the program."""
    if depth > 4:
        return False
    if isinstance(expr, ast.Name):
        found = ctx.lookup(expr.id, expr)
        if found is None:
            return False
        if found[0] == "import":
            module = str(found[1]).rsplit(".", 1)[0] if "." in str(found[1]) else ""
            return module.rsplit(".", 1)[-1] in _SETTINGS_MODULES
        if found[0] != "local":
            return False
        binds = found[1]
        return bool(binds) and all(
            b.value is not None and b.kind in ("assign", "aug") and operator_setting(ctx, b.value, depth + 1) for b in binds
        )
    if isinstance(expr, ast.Subscript):
        return ctx.qualname(expr.value) == "os.environ"
    if isinstance(expr, ast.Attribute):
        qn = ctx.qualname(expr) or ""
        return qn.startswith("django.conf.settings.")
    if not isinstance(expr, ast.Call):
        return False
    name = ctx.call_name(expr)
    if name in _ENV_READS:
        return True
    if name in _SETTING_KEEPERS and expr.args:
        return operator_setting(ctx, expr.args[0], depth + 1)
    func = expr.func
    if isinstance(func, ast.Attribute) and func.attr in ("strip", "lower", "upper", "encode", "decode"):
        return operator_setting(ctx, func.value, depth + 1)
    return False


# Calls whose result the server makes itself: the clock and random UUIDs.
_SERVER_CALLS = frozenset(
    {
        "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today", "datetime.date.today",
        "time.time", "time.time_ns", "uuid.uuid1", "uuid.uuid4", "django.utils.timezone.now",
    }
)
# Methods that keep a value server-made: ``now.isoformat()``, ``now._replace(tzinfo=None)``.
_SERVER_METHODS = frozenset({"isoformat", "strftime", "replace", "_replace", "date", "astimezone", "timestamp", "hex"})
_SERVER_DEPTH = 10


def server_derived(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """Whether a piece of SQL text comes from the server or the code, never from input.

    Shapes: the clock and random UUIDs (``datetime.now(timezone.utc)``, ``time.time()``,
    ``uuid4().hex``, `_SERVER_CALLS`), through `_SERVER_METHODS` (``.isoformat()``) and a module
    function that returns one or a constant (`FileContext.is_constant`) (``def utcnow(): return datetime.now(timezone.utc)``); Django
    model metadata (``Model._meta.db_table``) and SQLAlchemy table names
    (``model.__tablename__``, ``Model.__table__.name``), set in class code; a dialect's
    identifier quoting (``dialect.identifier_preparer.quote(name)``); an item of a
    module-level constant mapping or sequence taken by a ``for`` loop (``for dialect, sql in
    SQL_BY_DIALECT.items()``); the members of an enumeration taken by a loop or comprehension
    (``for s in Status``, `_enum_class`) and the integers it counts (``range()``, the index of
    ``enumerate()``: `_counter`) or ``next(itertools.count())`` draws (`_counted`), the items
    of a local list made of such pieces (`_derived_items`, also through ``zip()``),
    formatted or joined with a constant separator, and conditionals, concatenations and
    ``%``-formatting of these and constants;
    ``json.dumps`` of a constant, a class's own string constant (`values.class_constant`) and a
    name bound only to a COUNT or MAX / MIN(rowid) result or an integer literal
    (`_database_count`); a name bound to any of these. Knowledge: the Python standard
    library, Django's ``Options`` and SQLAlchemy's ``IdentifierPreparer``."""
    if depth > _SERVER_DEPTH:
        return False
    if isinstance(expr, ast.Name):
        binds = ctx.bindings_of(expr)
        if binds and all(b.kind == "loop" for b in binds):
            return all(_constant_loop_item(ctx, b.target, depth + 1) for b in binds)
        if binds and all(b.kind == "assign" and b.value is not None for b in binds) and any(
            _database_count(ctx, b.value) for b in binds
        ):
            return all(_database_count(ctx, b.value) or _int_literal(b.value) for b in binds)
        if len(binds) > 1 and all(b.kind == "assign" and b.value is not None for b in binds):
            # set in branches: ":" + placeholder, or ",".join(":" + p for p in placeholders)
            return all(_derived_or_constant(ctx, b.value, depth + 1) for b in binds)
        value = ctx.reaching_value(expr)
        return value is not None and server_derived(ctx, value, depth + 1)
    if isinstance(expr, ast.IfExp):
        return all(_derived_or_constant(ctx, e, depth + 1) for e in (expr.body, expr.orelse))
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return all(_derived_or_constant(ctx, e, depth + 1) for e in flatten_add(expr))
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
        right = expr.right.elts if isinstance(expr.right, ast.Tuple) else [expr.right]
        return ctx.is_constant(expr.left) and all(_derived_or_constant(ctx, e, depth + 1) for e in right)
    if isinstance(expr, ast.Attribute):
        if expr.attr in ("hex", "int", "value"):  # uuid4().hex, Status.DONE.value
            return server_derived(ctx, expr.value, depth + 1)
        return _model_table(expr) or class_constant(ctx, expr)
    if isinstance(expr, ast.JoinedStr):
        values = [v.value for v in expr.values if isinstance(v, ast.FormattedValue)]
        return bool(values) and all(server_derived(ctx, v, depth + 1) for v in values)
    if not isinstance(expr, ast.Call):
        return False
    func = expr.func
    name = ctx.call_name(expr)
    if name in _SERVER_CALLS or _counted(ctx, expr, name):
        return True
    if name == "json.dumps" and expr.args and ctx.is_constant(expr.args[0]):
        return True
    if isinstance(func, ast.Attribute) and func.attr == "join" and ctx.is_constant(func.value) and len(expr.args) == 1:
        items = expr.args[0]  # ", ".join(f"'{s}'" for s in Status if s.is_finished)
        return isinstance(items, (ast.GeneratorExp, ast.ListComp)) and server_derived(ctx, items.elt, depth + 1)
    if isinstance(func, ast.Attribute):
        if func.attr == "quote" and _attribute_named(func.value, "identifier_preparer"):
            return True
        if func.attr in _SERVER_METHODS:
            return server_derived(ctx, func.value, depth + 1)
    target = ctx.taint.local_function(func)
    if target is None:
        return False
    values = [ret.value for ret in ctx.nodes_of(ast.Return) if ret.value is not None and ctx.scope_of(ret) is target]
    return bool(values) and all(ctx.is_constant(value) or server_derived(ctx, value, depth + 1) for value in values)


def _derived_or_constant(ctx: FileContext, expr: ast.AST, depth: int) -> bool:
    """A piece of a conditional or a concatenation: a constant or `server_derived`."""
    return ctx.is_constant(expr) or server_derived(ctx, expr, depth)


def _counted(ctx: FileContext, call: ast.Call, name: str | None) -> bool:
    """``next(counter)`` with ``counter`` bound once to ``itertools.count(...)``: an integer
    (Python docs, itertools.count)."""
    if (name or "").removeprefix("builtins.") != "next" or len(call.args) != 1 or not isinstance(call.args[0], ast.Name):
        return False
    binds = ctx.bindings_of(call.args[0])
    return (
        len(binds) == 1 and isinstance(binds[0].value, ast.Call)
        and ctx.call_name(binds[0].value) in ("itertools.count",)
    )


# A query whose one column is a number the database computes: COUNT(...), or MAX / MIN of
# SQLite's rowid, a 64-bit integer (https://www.sqlite.org/lang_createtable.html#rowid).
_COUNT_QUERY = lazy_compile(
    r"(?<!\s)\s*select\s+(?:count\s*\([^()]*\)|(?:max|min)\s*\(\s*(?:rowid|oid|_rowid_)\s*\))"
    r"(?:\s+as\s+\w+)?\s+from\b",
    re.IGNORECASE,
)


def _int_literal(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Constant) and type(expr.value) is int


def _database_count(ctx: FileContext, expr: ast.AST) -> bool:
    """``conn.execute("SELECT max(rowid) AS rowid FROM t").fetchone()["rowid"]`` (or
    ``[0]``, or ``.scalar()``): the one column of a COUNT or MAX / MIN(rowid) query, a number
    whatever the table holds."""
    if isinstance(expr, ast.Subscript):
        expr = expr.value
        if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "fetchone"):
            return False
    elif not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("scalar", "fetchval")):
        return False
    query = expr.func.value
    if expr.func.attr == "fetchval":  # asyncpg's conn.fetchval(sql) runs the query itself
        query = expr
    if not (isinstance(query, ast.Call) and isinstance(query.func, ast.Attribute) and query.args):
        return False
    if query.func.attr not in ("execute", "fetchval"):
        return False
    text = ctx.const_str(query.args[0])
    if text is None:
        built = build_string(ctx, query.args[0], alternatives=True)
        if built is None:
            return False
        text = "".join(p if isinstance(p, str) else " 0 " for p in built.parts)
    return _COUNT_QUERY.match(text) is not None


def _attribute_named(node: ast.AST, name: str) -> bool:
    """``x.identifier_preparer`` or ``dialect().identifier_preparer``."""
    return isinstance(node, ast.Attribute) and node.attr == name


def _model_table(expr: ast.Attribute) -> bool:
    """``Model._meta.db_table`` (any attribute chain through Django's ``_meta``),
    ``model.__tablename__`` and ``Model.__table__.name``: names set in class code."""
    if expr.attr == "__tablename__" or (expr.attr == "name" and _attribute_named(expr.value, "__table__")):
        return True
    node: ast.AST = expr
    while isinstance(node, ast.Attribute):
        if node.attr == "_meta":
            return isinstance(node.value, (ast.Name, ast.Attribute))
        node = node.value
    return False


def _constant_loop_item(ctx: FileContext, target: ast.AST, depth: int = 0) -> bool:
    """A ``for`` target that takes the values of a module-level constant mapping or sequence:
    ``for dialect, sql in SQL_BY_DIALECT.items()`` (`sql`), ``for name in TABLES``. The keys
    (`dialect` here) may be any objects; the item the target takes must be a string literal."""
    loop = ctx.parent(target)
    while loop is not None and not isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
        if not isinstance(loop, (ast.Tuple, ast.List)):
            return False
        loop = ctx.parent(loop)
    if loop is None:
        return False
    source = loop.iter
    if loop.target is target and _enum_class(ctx, source):
        return True  # for status in ExecutionStatus: the members of an enumeration
    if _counter(ctx, loop.target, target, source):
        return True  # f":val_{idx}" for idx in range(n): a number the loop counts
    if _derived_items(ctx, loop.target, target, source, depth):
        return True  # for p, field in zip(placeholders, fields), placeholders made by the code
    method = None
    if isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) and not source.args:
        method = source.func.attr
        source = source.func.value
    if not isinstance(source, ast.Name):
        return False
    binds = ctx.bindings_of(source)
    if len(binds) != 1 or binds[0].value is None or ctx.scope_of(binds[0].target) is not ctx.tree:
        return False
    value = binds[0].value
    if isinstance(value, ast.Dict) and method in ("items", "values"):
        if method == "items":
            pair = loop.target
            if not (isinstance(pair, ast.Tuple) and len(pair.elts) == 2 and pair.elts[1] is target):
                return False
        items = value.values
    elif isinstance(value, (ast.Tuple, ast.List)) and method is None and loop.target is target:
        items = value.elts
    else:
        return False
    return all(isinstance(item, ast.Constant) and isinstance(item.value, str) for item in items)


def _counter(ctx: FileContext, loop_target: ast.AST, target: ast.AST, source: ast.AST) -> bool:
    """A loop target that takes integers the loop counts: ``for i in range(n)`` and the index
    of ``for i, row in enumerate(rows)`` (Python docs: both yield ``int``)."""
    if not isinstance(source, ast.Call):
        return False
    name = (ctx.call_name(source) or "").removeprefix("builtins.")
    if name == "range":
        return loop_target is target
    if name == "enumerate":
        return isinstance(loop_target, ast.Tuple) and len(loop_target.elts) == 2 and loop_target.elts[0] is target
    return False


def _derived_items(ctx: FileContext, loop_target: ast.AST, target: ast.AST, source: ast.AST, depth: int) -> bool:
    """A loop target that takes the items of a local list the code made from `server_derived`
    pieces: ``for p in placeholders`` or the matching position of ``zip(placeholders,
    fields)``, with ``placeholders = [f"val_{next(counter)}" for _ in names]`` bound once."""
    items = source
    if isinstance(source, ast.Call) and (ctx.call_name(source) or "").removeprefix("builtins.") == "zip":
        if not (isinstance(loop_target, ast.Tuple) and len(loop_target.elts) == len(source.args)):
            return False
        index = next((i for i, e in enumerate(loop_target.elts) if e is target), None)
        if index is None:
            return False
        items = source.args[index]
    elif loop_target is not target:
        return False
    if not isinstance(items, ast.Name):
        return False
    binds = ctx.bindings_of(items)
    if len(binds) != 1 or binds[0].kind != "assign":
        return False
    made = binds[0].value
    return isinstance(made, (ast.ListComp, ast.GeneratorExp)) and server_derived(ctx, made.elt, depth + 1)


_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "TextChoices", "IntegerChoices", "Choices"})


def _enum_class(ctx: FileContext, expr: ast.AST) -> bool:
    """`expr` names a class that a loop iterates: a class of this module deriving from an enum
    base, or a CapWords name imported from another module. Iterating a class object works only
    when its metaclass defines ``__iter__``, as ``enum.EnumType`` does (Python docs, enum:
    "Iterating over the members of an enum"); anything else raises ``TypeError``. What the loop
    takes are the members the code declares: constants."""
    if not isinstance(expr, ast.Name) or not (expr.id[:1].isupper() and not expr.id.isupper()):
        return False
    found = ctx.lookup(expr.id, expr)
    if found is None or found[0] == "builtin":
        return False
    if found[0] == "import":
        return True
    binds = found[1]
    return len(binds) == 1 and isinstance(binds[0].target, ast.ClassDef) and any(
        (b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")) in _ENUM_BASES for b in binds[0].target.bases
    )


# Quote-doubling escapes: ``x.replace('"', '""')`` inside "..." and ``x.replace("'", "''")``
# inside '...' leave the value no way out of its quotes.
_DOUBLED = {'"': '""', "'": "''"}


def _quoted_in_place(ctx: FileContext, expr: ast.AST, before: str, after: str) -> bool:
    """A value whose quote character is doubled, placed between two of that quote:
    ``f'SELECT * FROM "{url}"'`` after ``url = url.replace('"', '""')`` (a quoted identifier
    or string literal that the value cannot close)."""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if value is None:
            return False
        expr = value
    while isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "replace":
        args = expr.args
        if (
            len(args) == 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args)
            and _DOUBLED.get(args[0].value) == args[1].value
        ):
            quote = args[0].value
            return before.endswith(quote) and after.startswith(quote) and not before.endswith(quote * 2)
        expr = expr.func.value
    return False


def _self_quoting(ctx: FileContext, expr: ast.AST) -> bool:
    """A call of a module function that returns its argument already quoted, its quote
    doubled and put between two of that quote: ``def literal_string(s): return "'" +
    s.replace("'", "''") + "'"`` or ``return f'"{s.replace('"', '""')}"'`` (ckan's datastore
    quotes literals and identifiers so). Every return of the function must have that shape;
    the caller checks that the result does not sit inside an open '...' literal."""
    if not isinstance(expr, ast.Call):
        return False
    target = ctx.taint.local_function(expr.func)
    if target is None:
        return False
    values = [ret.value for ret in ctx.nodes_of(ast.Return) if ctx.scope_of(ret) is target]
    return bool(values) and all(v is not None and _quoted_return(ctx, v) for v in values)


def _quoted_return(ctx: FileContext, value: ast.AST) -> bool:
    """``q + x + q`` or ``f"{q}{x}{q}"`` (three pieces), where `x` is quoted in place."""
    if isinstance(value, ast.JoinedStr):
        pieces: list[ast.AST] = list(value.values)
    else:
        pieces = []
        stack = [value]
        while stack and len(pieces) <= 3:
            node = stack.pop()
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                stack.extend((node.right, node.left))
            else:
                pieces.append(node.value if isinstance(node, ast.FormattedValue) else node)
    pieces = [p.value if isinstance(p, ast.FormattedValue) else p for p in pieces]
    if len(pieces) != 3:
        return False
    first, middle, last = pieces
    if not all(isinstance(p, ast.Constant) and isinstance(p.value, str) for p in (first, last)):
        return False
    return _quoted_in_place(ctx, middle, first.value, last.value)  # type: ignore[union-attr]


def _parts_have_values(seg: ast.AST, ctx: FileContext) -> bool:
    """``" AND ".join(clauses)`` where some appended clause puts a value in a value position."""
    for part in joined_items(ctx, seg):
        inner = build_string(ctx, part, alternatives=True, depth=1)
        if inner is None:
            continue
        text = ""
        for piece in inner.parts:
            if isinstance(piece, str):
                text += piece
            elif _value_position(text):
                return True
    return False


def _inside_quotes(before: str) -> bool:
    """True when the text so far leaves a '...' string literal open (`''` is an escaped quote)."""
    return before.replace("''", "").count("'") % 2 == 1


# SQL's aggregate functions, whose argument is a column: MAX("{column}").
_AGGREGATES = ("count", "sum", "avg", "min", "max")


def _aggregate_call(text: str) -> bool:
    """Whether `text` ends with the name of an aggregate function (the text before its "(")."""
    head = text.rstrip().lower()
    return any(
        head.endswith(name) and not (head[: -len(name)][-1:].isalnum() or head[: -len(name)][-1:] == "_") for name in _AGGREGATES
    )


def _value_position(before: str) -> bool:
    """Whether a placeholder after this SQL text stands where SQL expects a value.

    Value: inside an open '...' literal (``LIKE '%{term}%'``), after a comparison, a quote,
    LIKE, BETWEEN ... AND, LIMIT, OFFSET, THEN, ELSE, WHEN, or inside an open ``VALUES (`` /
    ``IN (`` list; in an opening ``"`` only where one of these or a function's ``(`` (not
    an aggregate's) precedes it: elsewhere ``"..."`` quotes an identifier (SQL:2016 5.2,
    <delimited identifier>; PostgreSQL and SQLite docs). Anything else (table or column names,
    keywords, whole clauses) is an identifier or fragment position: it cannot be bound, so an
    unknown value there is reported with low confidence only.
    """
    if _inside_quotes(before):
        return True
    tail = before[-200:]
    stripped = tail.rstrip()
    if stripped.endswith('"'):
        # Standard SQL quotes identifiers with "..." (PostgreSQL, SQLite, Oracle; MySQL with
        # ANSI_QUOTES): an opening one is a value only where a value goes (MySQL's default
        # "string" after =, LIKE, IN (...)); after a closing one comes no value either.
        if before.replace('""', "").count('"') % 2 == 0:
            return False
        prefix = before.rstrip()[:-1].rstrip()
        if prefix.endswith("(") and not _aggregate_call(prefix[:-1]):
            return True  # a function's argument may be a string: GET_METADATA("{url}") in SQLite
        return _value_position(prefix)
    if stripped.lower().endswith(" and") and not _BETWEEN_AND.search(stripped):
        return False
    if _VALUE_BEFORE.search(stripped):
        return True
    if stripped.endswith((",", "(")):
        opened = None
        for opened in _OPEN_LIST.finditer(tail):
            pass
        return opened is not None and ")" not in tail[opened.end():]
    return False


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    yield from extra_sink_args(ctx, node, "sql")
    func = node.func
    name = ctx.call_name(node)
    if name in TEXT_CALLS:
        arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "text"), None)
        if arg is not None:
            yield arg, "text()"
        return
    if name in RAWSQL_CALLS:
        arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "sql"), None)
        if arg is not None:
            yield arg, "RawSQL()"
        return
    if name in PANDAS_CALLS:
        arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "sql"), None)
        if arg is not None:
            yield arg, f"{name.split('.')[-1]}()"
        return
    if not isinstance(func, ast.Attribute):
        return
    if func.attr in EXECUTE_METHODS:
        arg = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg in ("sql", "statement", "query", "operation", "sql_script")), None
        )
        if arg is not None:
            yield arg, f"{func.attr}()"
    elif func.attr == "raw" and _is_manager(func.value):
        arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "raw_query"), None)
        if arg is not None:
            yield arg, "raw()"
    elif func.attr == "extra":
        for kw in node.keywords:
            if kw.arg in ("where", "select", "tables", "order_by"):
                value = kw.value
                items = value.elts if isinstance(value, (ast.List, ast.Tuple)) else (
                    value.values if isinstance(value, ast.Dict) else [value]
                )
                for item in items:
                    yield item, "extra()"


def _is_manager(node: ast.AST) -> bool:
    """``Model.objects`` or another ``.objects`` manager chain."""
    while isinstance(node, (ast.Attribute, ast.Call)):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def _describe(how: str, found: list[str]) -> str:
    return f"{how} from {', '.join(found)}" if found else how


@on(ast.Call, callees=EXECUTE_METHODS | {"text", "RawSQL", "read_sql", "read_sql_query", "raw", "extra"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """A SQL sink's argument built from a non-constant part (`_classify`); nothing in code
    that never runs (`is_dead`, asked once an argument needs a verdict)."""
    live = False
    for arg, sink in sink_args(node, ctx):
        built = build_string(ctx, arg, alternatives=True)
        if built is None or all(isinstance(s, str) for s in built.parts):
            continue
        if not live:
            if is_dead(ctx, node):
                return
            live = True
        conf, found = _classify(built, ctx, statement=sink not in FRAGMENT_SINKS)
        if conf is not None:
            yield hit(arg, _describe(built.how, found), sink, confidence=conf)
