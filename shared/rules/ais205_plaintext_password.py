"""AIS205 plaintext-password: a password stored, compared or looked up in plaintext.

## What it does
Flags code that shows passwords are kept as typed:

- a comparison of a supplied password with a stored one: ``user.password == password``,
  ``user.password != form.password.data``, ``row["password"] == request.json["password"]``,
  ``return self.password == password`` in a model, ``password == stored_password``;
- a supplied password written to a model or a table without hashing:
  ``user.password = request.form["password"]``, ``User(password=data["password"])``,
  Django ``User.objects.create(password=...)`` (``create`` does not hash; ``create_user``
  and ``set_password`` do), SQLAlchemy ``insert(User).values(password=...)`` and
  ``query.update({"password": ...})``, pymongo ``insert_one({"password": ...})`` and
  ``{"$set": {"password": ...}}``, and an SQL ``INSERT`` or ``UPDATE`` whose password column
  takes the raw value (``cursor.execute("INSERT INTO users (name, password) VALUES (?, ?)",
  (name, password))``);
- a user looked up by password, which only works when the password is stored as typed:
  ``User.query.filter_by(username=u, password=p)``, ``User.objects.get(password=p)``,
  ``filter(User.password == p)``, ``find_one({"password": p})``, ``SELECT ... WHERE
  password = ?``.

A value is a raw password when its name (variable, attribute, dict key, request field,
WTForms ``form.password.data``) is a password name and it is not the result of a call that
transforms it: ``generate_password_hash(pw)``, ``bcrypt.hashpw(...)``,
``make_password(pw)``, ``pwd_context.hash(pw)`` are hashes. Names such as ``password_hash``,
``hashed_password`` and ``pw_digest`` are hashes too. An item read with a number or a
boolean as its default (``obj.get("TunnelPromptPassword", 0)``) is a flag, not a password.
``password == confirm_password`` (a confirmation check) is not flagged. A record stored with
the same field of another record (``password=other.password``, copying a page and its
restrictions) is low: it stores what that record already holds, and the flaw, if any, is
where that was first stored. So is the same password field of two records the server loaded
(``current.password != auth.password`` after both came from ``get_auth(...)``, or
``where(Auth.password == auth.password)`` with ``auth: AuthModel``): a compare-and-swap or
change check of what is stored. A password kept to be sent, not checked (a keyword of a call
that also takes ``host=``, ``port=``, ``url=`` ..., or of a record named ``*Storage``,
``*Connection``, ``*Backend``, ``*Integration``), cannot be hashed and is low (the classes
of client libraries and cloud SDKs, ``boto3``, ``paramiko``, the Azure SDK's
``azure.mgmt.*.models.Server(administrator_login_password=...)`` that provisions a server,
are no records at all); so is a parameter that receives a hash: the function's docstring
says *hash*, or every call of it in the module passes a call named for hashing
(``get_password_hash(pw)``), and an item of a parameter under a key that every write of the
module fills with such a call (``User(password=new_data["password"])`` where a helper set
``new_data["password"] = hash_password(...)``). A comparison whose mismatch branch assigns
the compared field the other side (``if cred.password != password: cred.password =
password``, a client's credential cache) replaces a value that changed and checks no login:
low. Request and update schemas are not records: a class imported from a ``models`` module
whose name ends in *Request*, *Update*, *Create*, *In*, *Input*, *Payload*, *Body*,
*Schema*, *Dto* or *Params* (FastAPI's ``UserCreate`` / ``UserUpdate``, a client's
``UserUpdate(password=...)`` sent to the API) carries the password to the code that hashes
it, and so does a copy of the request body the handler trims before handing it on (``safe =
user_update.create_copy(exclude=...); safe.password = user_update.password``, also
``.model_copy()`` and ``copy.deepcopy(body)``).

## Why is this bad?
Whoever reads the database (a leaked backup, an SQL injection, an over-privileged
employee) gets every user's password, and with it their accounts on other sites where they
reused it (CWE-256). Passwords must be stored only as salted, slow hashes and checked with
the hashing library's verify function.

## Example
```python
from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True)
    password = db.Column(db.String(200))


@app.post("/register")
def register():
    user = User(username=request.form["username"], password=request.form["password"])
    db.session.add(user)
    db.session.commit()
    return "ok"
```

## Use instead
```python
from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import generate_password_hash

app = Flask(__name__)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True)
    password_hash = db.Column(db.String(200))


@app.post("/register")
def register():
    user = User(username=request.form["username"], password_hash=generate_password_hash(request.form["password"]))
    db.session.add(user)
    db.session.commit()
    return "ok"
```

## Known problems
A model whose ``password`` attribute is a property that hashes on assignment
(``@password.setter``) or an SQLAlchemy ``@validates("password")`` hook in the same file is
trusted; one defined in another module is not seen, so ``user.password = form.password.data``
is then a false positive when the value comes from the request (and is not reported when it
comes from a plain function parameter). Constructors count as models when the class is
defined here on an ORM base, imported from a models-like module (``.models``, ``db``,
``store``), Django's ``User``, or named for an account (``User``, ``Account``, ``Member``
...). Confidence is high when the password visibly comes from the request or a form, medium
when it is a parameter, and low in test files (``aisec-test-paths``), whose factories create
throwaway accounts. Comparisons inside ``__eq__`` / ``__ne__`` (credential objects compared
field by field) and between two fields of a form class (``self.password.data ==
self.new_password.data``: the new password must differ) are not login checks and are not
reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-256: Plaintext Storage of a Password](https://cwe.mitre.org/data/definitions/256.html)
- [CWE-257: Storing Passwords in a Recoverable Format](https://cwe.mitre.org/data/definitions/257.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
- [Django: Password management (create_user, set_password, make_password)](https://docs.djangoproject.com/en/stable/topics/auth/passwords/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..memo import memo
from ..analysis.context import literal_str, operand_name
from ..analysis.words import secret_name_kind, split_words
from ..analysis.comparisons import replaced_on_change
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# Earlier words that make a password name a digest of it, or a second entry for confirmation.
_NOT_PLAINTEXT = frozenset({"hashed", "salted", "encrypted", "enc", "masked", "redacted", "digest", "dummy", "fake"})
_CONFIRMATION = frozenset({"confirm", "confirmation", "confirmed", "repeat", "repeated", "again", "retype", "retyped", "verify", "check"})
# Containers the client fills: a request's data, a form, a parsed body.
_SUPPLIED_BASES = frozenset(
    {
        "request", "req", "form", "data", "payload", "body", "json", "params", "args", "creds",
        "credentials", "login", "cleaned_data", "validated_data", "values", "input", "user_in",
        "login_data", "signup", "register", "auth", "kwargs",
    }
)
# Containers of configuration: an operator's password from the environment is not a record.
_CONFIG_ROOTS = frozenset({"os", "settings", "config", "conf", "cfg", "env", "environ", "app", "current_app", "secrets", "vault", "options"})
_ACCESSORS = frozenset({"get", "getlist", "pop", "strip", "encode", "decode", "lower", "rstrip", "lstrip"})
_DEPTH = 5

# ORM model bases: SQLAlchemy declarative (Base, DeclarativeBase, db.Model), Django
# models.Model / AbstractUser / AbstractBaseUser, SQLModel, MongoEngine Document, peewee Model.
_MODEL_BASES = lazy_compile(r"(?:^|\.)(?:Model|Base|DeclarativeBase|SQLModel|AbstractUser|AbstractBaseUser|Document|DynamicDocument)$")
_NOT_MODEL_BASES = frozenset({"BaseModel", "BaseSettings", "Schema", "Form", "FlaskForm", "Serializer", "ModelSerializer"})
# Modules whose classes are the project's persistent records.
_MODEL_MODULE_WORDS = frozenset(
    {"models", "model", "entities", "entity", "orm", "tables", "db", "database", "store", "stores", "repository", "domain"}
)
_NOT_MODEL_MODULE_WORDS = frozenset({"schemas", "schema", "forms", "serializers", "dto", "requests", "auth"})
# Last words of the class names of request and update schemas (FastAPI's ``UserIn`` /
# ``UserCreate`` / ``UserUpdate``, ``UserRequest``): what a client sends or the API is sent,
# which the code that stores it hashes; imported from a ``models`` module all the same.
_SCHEMA_CLASS_WORDS = frozenset({"request", "update", "create", "in", "input", "payload", "body", "schema", "dto", "params"})
# Class names of accounts (last word).
_ACCOUNT_WORDS = frozenset(
    {
        "user", "users", "account", "member", "customer", "admin", "agent", "staff", "employee",
        "person", "profile", "operator", "patient", "subscriber",
    }
)
# Libraries whose classes take a password to *use* it (connect, log in), not to store it.
_CLIENT_ROOTS = frozenset(
    {
        "requests", "httpx", "aiohttp", "urllib3", "smtplib", "imaplib", "poplib", "ftplib", "ldap3",
        "ldap", "paramiko", "fabric", "pymysql", "MySQLdb", "mysql", "psycopg2", "psycopg", "asyncpg",
        "redis", "pymongo", "motor", "boto3", "botocore", "keycloak", "jenkins", "gitlab", "github",
        "atlassian", "jira", "kubernetes", "docker", "sqlalchemy", "pydantic", "fastapi", "flask_login",
        "starlette", "wtforms", "flask_wtf", "rest_framework", "kombu", "celery", "pika", "elasticsearch",
        "opensearchpy", "pysftp", "telnetlib", "exchangelib", "tweepy", "praw", "selenium", "playwright",
        # Azure SDK for Python: its `models` are the bodies of requests to Azure's management
        # API (``Server(administrator_login_password=...)`` provisions a database server).
        "azure",
    }
)
# ORM writes and lookups that take column=value keywords (or a dict) as stored values.
_DJANGO_WRITES = frozenset({"create", "update", "update_or_create", "get_or_create"})
_LOOKUPS = frozenset({"filter_by", "get", "filter", "get_or_none", "find_one", "find", "exists"})
_MONGO_WRITES = frozenset({"insert_one", "insert_many", "replace_one", "update_one", "update_many", "find_one_and_update", "find_one_and_replace"})
_EXECUTE = frozenset({"execute", "executemany", "exec_driver_sql", "executescript"})

# SQL: "INSERT INTO t (a, b) VALUES (?, ?)"; "col = ?" pairs in SET and WHERE; placeholders
# (qmark, format, named, pyformat, numeric). Bounded repeats keep every pattern linear.
_INSERT = lazy_compile(
    r"\binsert\s{1,20}(?:or\s{1,20}\w{1,20}\s{1,20})?into\s{1,20}[\w.\"`\[\]]{1,128}\s{0,20}\(([^)]{1,2000})\)\s{0,20}values\s{0,20}\(([^)]{1,2000})\)",
    re.I,
)
_ASSIGN = lazy_compile(
    r"([A-Za-z_][A-Za-z0-9_]{0,63})[`\"\]]?\s{0,10}=\s{0,10}(\?|%s|:[A-Za-z_][A-Za-z0-9_]{0,63}|%\([A-Za-z_][A-Za-z0-9_]{0,63}\)s|\$[0-9]{1,3})"
)
_POSITIONAL = lazy_compile(r"\?|%s|\$[0-9]{1,3}")


def _is_password_name(name: str | None) -> bool:
    return bool(name) and _password_name(name)  # type: ignore[arg-type]


@memo(4096)
def _password_name(name: str) -> bool:
    """`_is_password_name` for a non-empty name, memoised (the same names recur). Every
    password head word (`words.secret_name_kind`) and bare ``pwd`` / ``pw`` / ``pass`` holds
    ``pass`` or ``pw``: most names are answered without splitting."""
    low = name.lower()
    if "pass" not in low and "pw" not in low:
        return False
    words = split_words(name)
    while words and words[-1].isdigit():
        words = words[:-1]
    if not words or _NOT_PLAINTEXT.intersection(words[:-1]):
        return False
    return secret_name_kind("_".join(words)) == "password" or (len(words) == 1 and words[0] in ("pwd", "pw", "pass"))


def _confirmation(name: str | None) -> bool:
    words = split_words(name or "")
    return bool(_CONFIRMATION.intersection(words)) or (bool(words) and words[-1].isdigit() and words[-1] != "1")


def name_of(expr: ast.AST | None) -> str | None:
    """The name an operand stands for (see `operand_name`)."""
    return operand_name(expr)


def _base_of(expr: ast.AST, depth: int = 0) -> ast.AST | None:
    """The container an accessor reads from: ``user`` in ``user.password`` / ``user["password"]``."""
    if depth > _DEPTH:
        return None
    if isinstance(expr, ast.Attribute):
        if expr.attr in ("data", "value") and isinstance(expr.value, ast.Attribute):
            return _base_of(expr.value, depth + 1)
        return expr.value
    if isinstance(expr, ast.Subscript):
        return expr.value
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        if expr.func.attr in ("get", "getlist", "pop"):
            return expr.func.value
        if expr.func.attr in _ACCESSORS:
            return _base_of(expr.func.value, depth + 1)
    return None


def _root_name(expr: ast.AST | None) -> str | None:
    for _ in range(_DEPTH * 2):
        if isinstance(expr, ast.Name):
            return expr.id
        if isinstance(expr, ast.Attribute):
            if expr.attr in _SUPPLIED_BASES:
                return expr.attr
            expr = expr.value
        elif isinstance(expr, (ast.Subscript, ast.Call)):
            expr = expr.value if isinstance(expr, ast.Subscript) else expr.func
        else:
            return None
    return None


def _form_field(expr: ast.AST) -> bool:
    """WTForms ``form.password.data``, Django ``form.cleaned_data[...]``, DRF ``validated_data``."""
    for node in ast.walk(expr):
        if isinstance(node, ast.Attribute) and node.attr in ("cleaned_data", "validated_data"):
            return True
        if isinstance(node, ast.Attribute) and node.attr == "data" and isinstance(node.value, ast.Attribute):
            return True
    return False


def _supplied(ctx: FileContext, expr: ast.AST) -> bool:
    """The client sent this value: request data (taint), a form field, a request container."""
    if _form_field(expr) or any(lab.kind == "source" for lab in ctx.taint.of(expr)):
        return True
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and (_form_field(value) or any(lab.kind == "source" for lab in ctx.taint.of(value)))
    return False


def raw_password(ctx: FileContext, expr: ast.AST | None, depth: int = 0) -> bool:
    """`expr` holds a password as typed: a password-named value that no call transformed."""
    if expr is None or depth > _DEPTH or not _is_password_name(name_of(expr)):
        return False
    if _numeric_default(expr):
        return False
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, ast.Call) and name_of(value) is None:
            return False  # password = generate_password_hash(password)
        if isinstance(value, (ast.Constant, ast.JoinedStr, ast.BinOp)) or _numeric_default(value):
            return False
    return True


def _numeric_default(expr: ast.AST | None) -> bool:
    """``obj.get("TunnelPromptPassword", 0)``: an item read with a number or a boolean as its
    default is a flag or a count (prompt for the password, save it), not a password, which is
    a string."""
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get"):
        return False
    default = expr.args[1] if len(expr.args) >= 2 else next((k.value for k in expr.keywords if k.arg == "default"), None)
    return isinstance(default, ast.Constant) and type(default.value) in (int, bool, float)


_STORED_WORDS = frozenset({"stored", "saved", "existing", "correct", "expected", "known"})


def _equality_method(ctx: FileContext, node: ast.AST) -> bool:
    """Inside ``__eq__`` / ``__ne__``: two credential objects compared field by field (requests'
    ``HTTPBasicAuth.__eq__``), not a login check."""
    func = ctx.enclosing_function(node)
    return func is not None and func.name in ("__eq__", "__ne__")


def _own_form_field(ctx: FileContext, expr: ast.AST) -> bool:
    """``self.<field>.data`` in a form class (WTForms ``Form`` / ``FlaskForm``, Django forms):
    what the client typed into the form."""
    if not (isinstance(expr, ast.Attribute) and expr.attr == "data" and isinstance(expr.value, ast.Attribute)):
        return False
    owner = expr.value.value
    if not (isinstance(owner, ast.Name) and owner.id == "self"):
        return False
    cls = ctx.enclosing_class(expr)
    return cls is not None and any(name_of(b) and str(name_of(b)).endswith("Form") for b in cls.bases)


def _stored_side(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """A record's password: an attribute or item of something the client did not send, or a
    name bound to one (``stored = row["password"]``) or named so (``stored_password``)."""
    if _own_form_field(ctx, expr):
        return False
    if isinstance(expr, ast.Name):
        words = split_words(expr.id)
        if len(words) > 1 and words[0] in _STORED_WORDS:
            return True
        value = ctx.reaching_value(expr)
        return value is not None and depth < 2 and not isinstance(value, ast.Name) and _stored_side(ctx, value, depth + 1)
    base = _base_of(expr)
    if base is None:
        return False
    root = _root_name(base)
    if root is None or root in _SUPPLIED_BASES or root.lower() in _CONFIG_ROOTS:
        return False
    if ctx.qualname(base) is not None or (isinstance(base, ast.Call) and ctx.call_name(base) is not None):
        return False  # os.environ, django.conf.settings, current_app.config: configuration
    return not any(lab.kind == "source" for lab in ctx.taint.of(base))


# Keyword words (last word) that make a call's password the credential of a connection the
# program opens (``create(host=..., port=..., password=...)``): it must stay usable, so it
# cannot be hashed.
_ENDPOINT_WORDS = frozenset({"host", "hostname", "port", "server", "endpoint", "url", "uri", "dsn", "address"})
# Class-name words (last word) of records that hold a connection's settings.
_CONNECTION_CLASSES = frozenset({"storage", "connection", "backend", "integration", "datasource", "database"})


def _outbound(call: ast.AST, func: ast.AST | None = None) -> bool:
    """A password keyword of a call that also takes an endpoint (``host=``, ``port=``), or
    of a record named for a connection (``RedisImportStorage.objects.create(...)``,
    ``DatabaseConnection(...)``): the password the program sends, not a user's login."""
    if not isinstance(call, ast.Call):
        return False
    for kw in call.keywords:
        words = split_words(kw.arg or "")
        if words and words[-1] in _ENDPOINT_WORDS:
            return True
    for part in _receiver_chain(call.func):
        words = split_words(part)
        if part[:1].isupper() and words and words[-1] in _CONNECTION_CLASSES:
            return True
    return False


_HASH_DOC = lazy_compile(r"\bhash(?:ed|es)?\b", re.I)


def _takes_hash(ctx: FileContext, value: ast.AST) -> bool:
    """A parameter that receives a hash: the function's docstring says it stores a hash
    ("Set a new password hash"), or every call of it in this module passes a call named for
    hashing (``insert_new_auth(email, get_password_hash(pw))``)."""
    if not isinstance(value, ast.Name):
        return False
    binds = ctx.bindings_of(value)
    if len(binds) != 1 or binds[0].kind != "param":
        return False
    func = ctx.enclosing_function(value)
    if func is None:
        return False
    doc = ast.get_docstring(func) or ""
    if _HASH_DOC.search(doc):
        return True
    args = func.args
    params = [p.arg for p in (*args.posonlyargs, *args.args)]
    calls = ctx.taint.callers(func)
    if not calls or value.id not in params:
        return False
    index = params.index(value.id)
    for call in calls:
        bound = isinstance(call.func, ast.Attribute) and params[:1] in (["self"], ["cls"])
        position = index - 1 if bound else index
        arg = next((kw.value for kw in call.keywords if kw.arg == value.id), None)
        if arg is None and 0 <= position < len(call.args):
            arg = call.args[position]
        if isinstance(arg, ast.Await):
            arg = arg.value
        if not isinstance(arg, ast.Call):
            return False
        callee = arg.func.attr if isinstance(arg.func, ast.Attribute) else arg.func.id if isinstance(arg.func, ast.Name) else ""
        if not {"hash", "hashpw", "hashed", "encrypt", "make"} & set(split_words(callee)):
            return False
    return True


def _hit(node: ast.AST, verb: str, where: str, supplied: bool, ctx: FileContext, copied: bool = False) -> Hit:
    confidence = Confidence.HIGH if supplied else Confidence.MEDIUM
    if ctx.settings.is_test_path(ctx.filename) or copied:
        # Fixtures and factories create throwaway accounts; a copy stores what a record
        # already holds, in whatever form the code that stored it chose (`_copied_field`).
        confidence = Confidence.LOW
    return hit(node, verb, where, confidence=confidence)


def _copied_field(ctx: FileContext, field: str | None, value: ast.AST) -> bool:
    """``password=other.password``: the same field of another record (`_stored_side`), as
    when a page and its restrictions are copied (wagtail's ``copy_page``). Whatever form that
    record holds it in, the flaw, if any, is where it was first stored."""
    return isinstance(value, ast.Attribute) and value.attr == field and _stored_side(ctx, value)


# Callee words of a getter that loads a record (``get_auth(user.id)``, ``load_user(...)``).
_LOAD_WORDS = frozenset({"get", "load", "fetch", "find", "read", "lookup", "select", "refresh"})


def _loaded_record(ctx: FileContext, base: ast.AST, depth: int = 0) -> bool:
    """`base` is a record the server loaded: a parameter annotated with a model type
    (``auth: AuthModel``, ``row: UserRecord``), or a name bound to a getter's result
    (``current = await get_auth(user.id)``, also ``auth or await get_auth(...)``) or to a
    record loaded here (`_db_object`)."""
    if depth > 4:
        return False
    if isinstance(base, ast.Await):
        return _loaded_record(ctx, base.value, depth + 1)
    if isinstance(base, ast.BoolOp):
        return any(_loaded_record(ctx, value, depth + 1) for value in base.values if not isinstance(value, ast.Name))
    if isinstance(base, ast.Call):
        func = base.func
        callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        words = split_words(callee)
        return (bool(words) and words[0] in _LOAD_WORDS) or _db_object(ctx, base)
    if not isinstance(base, ast.Name):
        return False
    for binding in ctx.bindings_of(base):
        if binding.kind == "param":
            ann = getattr(binding.target, "annotation", None)
            label = ann.id if isinstance(ann, ast.Name) else ann.attr if isinstance(ann, ast.Attribute) else ""
            words = split_words(label)
            if words and words[-1] in ("model", "record", "row", "entity") and label not in _NOT_MODEL_BASES:
                return True
    value = ctx.reaching_value(base)
    return value is not None and _loaded_record(ctx, value, depth + 1)


def _loaded_same_field(ctx: FileContext, stored: ast.AST, other: ast.AST) -> bool:
    """The same password field of two records (``current.password != auth.password`` after
    both were loaded, ``where(Auth.password == auth.password)`` against the row read
    before): a compare-and-swap or change check of what is stored, whatever form that is; the
    flaw, if any, is where it was first stored."""
    if not (isinstance(stored, ast.Attribute) and isinstance(other, ast.Attribute) and stored.attr == other.attr):
        return False
    if any(lab.kind == "source" for lab in ctx.taint.of(other)):
        return False
    return _loaded_record(ctx, other.value)


def _inside_call(ctx: FileContext, node: ast.AST) -> bool:
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.Call):
            return True
        if isinstance(anc, (ast.Lambda, ast.stmt)):
            return False
    return False


def _orm_column(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id[:1].isupper() and not expr.value.id.isupper()


_ATTRIBUTE, _CONSTANT, _EQ, _NOT_EQ = ast.Attribute, ast.Constant, ast.Eq, ast.NotEq


@on(ast.Compare)
def check_compare(node: ast.Compare, ctx: FileContext) -> Iterator[Hit]:
    """A stored password compared with a raw one. First tests, per ``==`` / ``!=`` pair (most
    comparisons end there): no side is a literal (which has no name), both sides have a
    password name, neither a confirmation name."""
    left = node.left
    for op, right in zip(node.ops, node.comparators):
        first = left
        left = right
        kind = type(op)
        if kind is not _EQ and kind is not _NOT_EQ or type(first) is _CONSTANT or type(right) is _CONSTANT:
            continue
        first_name = name_of(first)
        if not _is_password_name(first_name):
            continue
        if _equality_method(ctx, node):
            return
        second_name = name_of(right)
        if not _is_password_name(second_name) or _confirmation(first_name) or _confirmation(second_name):
            continue
        pair = (first, right)
        if any(ctx.is_constant(side) for side in pair):
            continue  # a literal is AIS206's
        text = "==" if isinstance(op, ast.Eq) else "!="
        column = next((side for side in pair if _orm_column(side)), None)
        if column is not None and _inside_call(ctx, node):
            other = pair[1] if column is pair[0] else pair[0]
            if raw_password(ctx, other):
                yield _hit(node, "looked up", f"{ast.unparse(column)} {text} ...", True, ctx, _loaded_same_field(ctx, column, other))
            return
        stored = [side for side in pair if _stored_side(ctx, side)]
        if not stored:
            continue
        other = pair[1] if stored[0] is pair[0] else pair[0]
        if other not in stored and not raw_password(ctx, other):
            continue
        low = _loaded_same_field(ctx, stored[0], other) or replaced_on_change(ctx, node, op, pair)
        yield _hit(node, "compared", f"{_short(stored[0])} {text} ...", True, ctx, low)
        return


def _short(expr: ast.AST) -> str:
    text = ast.unparse(expr)
    return text if len(text) <= 40 else text[:37] + "..."


# --- stores ---------------------------------------------------------------------------------
def _hashing_setter(ctx: FileContext) -> bool:
    """The file defines a ``password`` property setter or an SQLAlchemy ``@validates`` hook on a
    password column: assigning the attribute hashes. Memoised."""
    cached = ctx.__dict__.get("_ais205_setter")
    if cached is None:
        cached = False
        for node in ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for dec in node.decorator_list:
                    if isinstance(dec, ast.Attribute) and dec.attr == "setter" and _is_password_name(node.name):
                        cached = True
                    if isinstance(dec, ast.Call) and getattr(dec.func, "id", getattr(dec.func, "attr", "")) == "validates":
                        if any(_is_password_name(literal_str(a)) for a in dec.args):
                            cached = True
        ctx.__dict__["_ais205_setter"] = cached
    return cached


def _local_class(ctx: FileContext, name: str) -> ast.ClassDef | None:
    for node in ctx.tree.body if isinstance(ctx.tree, ast.Module) else ():
        if isinstance(node, ast.ClassDef) and node.name == name:
            return node
    return None


def _model_class(ctx: FileContext, func: ast.AST) -> bool:
    """The callee constructs a persistent record (see the docs' Known problems)."""
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if not name[:1].isupper():
        return False
    local = _local_class(ctx, name) if isinstance(func, ast.Name) else None
    if local is not None:
        bases = [ast.unparse(b) for b in local.bases]
        if any(b.rsplit(".", 1)[-1] in _NOT_MODEL_BASES for b in bases):
            return False
        return any(_MODEL_BASES.search(b) for b in bases)
    qual = ctx.qualname(func)
    if qual is None:
        return False
    if qual.startswith("django.contrib.auth.models."):
        return True
    parts = qual.lstrip(".").split(".")[:-1]
    if parts and parts[0] in _CLIENT_ROOTS:
        return False
    words = set()
    for part in parts:
        words.update(split_words(part))
    if words & _NOT_MODEL_MODULE_WORDS:
        return False
    class_words = split_words(name)
    if class_words and class_words[-1] in _SCHEMA_CLASS_WORDS:
        return False  # UserUpdate, UserCreate, UserRequest: what a client sends, not a record
    return bool(words & _MODEL_MODULE_WORDS) or bool(class_words and class_words[-1] in _ACCOUNT_WORDS)


def _db_object(ctx: FileContext, expr: ast.AST) -> bool:
    """A record loaded or created here: ``User(...)``, ``User.query...first()``,
    ``User.objects.get(...)``, ``db.session.get(User, id)``, ``get_object_or_404(User, ...)``."""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if value is None:
            return False
        expr = value
    if isinstance(expr, ast.Await):
        expr = expr.value
    for node in ast.walk(expr):
        if isinstance(node, ast.Attribute) and node.attr in ("query", "objects"):
            return True
        if isinstance(node, ast.Call) and _model_class(ctx, node.func):
            return True
        if isinstance(node, ast.Name) and node.id[:1].isupper() and _model_class(ctx, node):
            return True
    return False


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    """``user.password = request.form["password"]``."""
    for target in node.targets:
        if type(target) is not _ATTRIBUTE or not _password_name(target.attr) or target.attr.startswith("_"):
            continue  # a private attribute is not a model field (Django keeps _password in memory)
        if _hashing_setter(ctx):
            return  # a file-wide fact, read (once per file) only for a password attribute
        if not raw_password(ctx, node.value):
            continue
        base = target.value
        root = _root_name(base)
        if root in _SUPPLIED_BASES or root == "session" or _request_copy(ctx, base):
            continue
        supplied = _supplied(ctx, node.value)
        if supplied or _db_object(ctx, base) or _model_self(ctx, node, base):
            yield _hit(node.value, "stored", f"{_short(target)} = ...", supplied, ctx)


def _request_copy(ctx: FileContext, base: ast.AST) -> bool:
    """`base` is a copy of what the client sent (``safe_update = user_update.create_copy(
    exclude=...)``, ``.model_copy()``, ``copy.deepcopy(body)``): a request object the handler
    trims before handing it on, not a record; the code that stores it hashes or not."""
    value = ctx.reaching_value(base) if isinstance(base, ast.Name) else None
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if "copy" not in split_words(name):
        return False
    copied = func.value if isinstance(func, ast.Attribute) and not ctx.qualname(func.value) == "copy" else (value.args[0] if value.args else None)
    return copied is not None and _supplied(ctx, copied)


def _model_self(ctx: FileContext, node: ast.AST, base: ast.AST) -> bool:
    """``self.password = password`` in a model class."""
    if not (isinstance(base, ast.Name) and base.id == "self"):
        return False
    cls = ctx.enclosing_class(node)
    if cls is None:
        return False
    bases = [ast.unparse(b) for b in cls.bases]
    return any(_MODEL_BASES.search(b) and b.rsplit(".", 1)[-1] not in _NOT_MODEL_BASES for b in bases)


def _dict_password(ctx: FileContext, expr: ast.AST | None) -> ast.AST | None:
    """The raw password value under a password key of a dict literal (or ``{"$set": {...}}``)."""
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if not isinstance(expr, ast.Dict):
        return None
    for key, value in zip(expr.keys, expr.values):
        key_name = literal_str(key) if key is not None else None
        if key is not None and key_name is None and isinstance(key, ast.Attribute):
            key_name = key.attr  # {User.password: value}
        if key_name in ("$set", "$setOnInsert"):
            found = _dict_password(ctx, value)
            if found is not None:
                return found
        elif _is_password_name(key_name) and raw_password(ctx, value):
            return value
    return None


def _receiver_chain(func: ast.AST) -> list[str]:
    out = []
    cur = func
    for _ in range(12):
        if isinstance(cur, ast.Attribute):
            out.append(cur.attr)
            cur = cur.value
        elif isinstance(cur, ast.Call):
            cur = cur.func
        elif isinstance(cur, ast.Name):
            out.append(cur.id)
            break
        else:
            break
    return out


_ORM_CALLEES = frozenset({"values", "update"} | _MONGO_WRITES | _DJANGO_WRITES | _LOOKUPS | _EXECUTE)


@on(ast.Call, callees=_ORM_CALLEES)
def check_orm_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """ORM, MongoDB and SQL writes and lookups that take the raw password."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return
    method = func.attr
    if method in _EXECUTE:
        yield from _check_sql(node, ctx)
        return
    if method in _MONGO_WRITES or method in ("find_one", "find"):
        lookup = method in ("find_one", "find")
        docs = node.args[1:2] if method.startswith(("update", "find_one_and")) else node.args[:1]
        for doc in docs:
            value = _dict_password(ctx, doc)
            if value is not None:
                yield _hit(value, "looked up" if lookup else "stored", f"{method}({{'password': ...}})", lookup or _supplied(ctx, value), ctx)
        return
    chain = _receiver_chain(func.value)
    django = "objects" in chain
    query = "query" in chain or "session" in chain
    if method == "values" and not _sa_statement(ctx, func.value):
        return
    if method == "update" and not (django or query):
        return
    if method in _DJANGO_WRITES and method != "update" and not django:
        return
    if method in _LOOKUPS and method not in _DJANGO_WRITES:
        if django or query or method == "filter_by":
            for kw in node.keywords:
                if _is_password_name(kw.arg) and raw_password(ctx, kw.value):
                    yield _hit(kw.value, "looked up", f"{method}({kw.arg}=...)", True, ctx)
        return
    for arg in node.args[:1]:
        value = _dict_password(ctx, arg)
        if value is not None:
            yield _hit(value, "stored", f".{method}({{'password': ...}})", _supplied(ctx, value), ctx)
    for kw in node.keywords:
        if kw.arg == "defaults":
            value = _dict_password(ctx, kw.value)
            if value is not None:
                yield _hit(value, "stored", f"{method}(defaults={{'password': ...}})", _supplied(ctx, value), ctx)
        elif _is_password_name(kw.arg) and raw_password(ctx, kw.value):
            low = _copied_field(ctx, kw.arg, kw.value) or _outbound(node) or _takes_hash(ctx, kw.value)
            yield _hit(kw.value, "stored", f"{method}({kw.arg}=...)", _supplied(ctx, kw.value), ctx, low)


def _sa_statement(ctx: FileContext, expr: ast.AST) -> bool:
    """``insert(User)`` / ``update(User)`` / ``User.__table__.insert()`` (SQLAlchemy)."""
    for node in ast.walk(expr):
        if isinstance(node, ast.Call):
            name = ctx.call_name(node) or ""
            if name.startswith("sqlalchemy.") and name.rsplit(".", 1)[-1] in ("insert", "update"):
                return True
            if isinstance(node.func, ast.Attribute) and node.func.attr in ("insert", "update") and "__table__" in ast.unparse(node.func.value):
                return True
    return False


@on(ast.keyword)
def check_constructor(node: ast.keyword, ctx: FileContext) -> Iterator[Hit]:
    """``User(username=..., password=request.form["password"])``: a password keyword of a call
    that constructs a model (dispatched on the keyword, so no callee list is needed)."""
    arg = node.arg
    if not arg or not _password_name(arg) or not raw_password(ctx, node.value):
        return
    call = ctx.parent(node)
    if not isinstance(call, ast.Call):
        return
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if not name[:1].isupper() or _hashing_setter(ctx) or not _model_class(ctx, func):
        return
    low = _copied_field(ctx, arg, node.value) or _outbound(call) or _takes_hash(ctx, node.value) or _hashed_item(ctx, node.value)
    yield _hit(node.value, "stored", f"{name}({node.arg}=...)", _supplied(ctx, node.value), ctx, low)


def _hashed_item(ctx: FileContext, value: ast.AST) -> bool:
    """An item of a parameter (``new_data["password"]`` in ``def _create_new_user(new_data)``)
    under a key that every write of the module stores a call named for hashing into
    (``new_data["password"] = hash_password(...)`` in the helper that builds the dict): the
    dict is filled elsewhere, and wherever the module fills that key, it hashes (writes that
    keep the item or clear it, `_keeps_item`, store nothing). At least one such write; an item
    of request data is no hash."""
    if not (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name)):
        return False
    key = literal_str(value.slice)
    binds = ctx.bindings_of(value.value)
    if key is None or len(binds) != 1 or binds[0].kind != "param":
        return False
    writes = 0
    for node in ctx.nodes_of(ast.Assign):
        for target in node.targets:  # type: ignore[attr-defined]
            if isinstance(target, ast.Subscript) and literal_str(target.slice) == key:
                stored = node.value  # type: ignore[attr-defined]
                if _keeps_item(target, stored):
                    continue
                if not isinstance(stored, ast.Call):
                    return False
                func = stored.func
                callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                if not {"hash", "hashpw", "hashed"} & set(split_words(callee)):
                    return False
                writes += 1
    return writes > 0


def _keeps_item(target: ast.Subscript, stored: ast.AST) -> bool:
    """``d["password"] = d["password"] if "password" in d else None``: the write keeps the
    item or clears it, storing nothing new."""
    same = ast.dump(target.value) + ast.dump(target.slice)
    options = [stored.body, stored.orelse] if isinstance(stored, ast.IfExp) else [stored]
    return all(
        (isinstance(o, ast.Constant) and o.value is None)
        or (isinstance(o, ast.Subscript) and ast.dump(o.value) + ast.dump(o.slice) == same)
        for o in options
    )


# --- SQL ------------------------------------------------------------------------------------
def _sql_text(ctx: FileContext, expr: ast.AST | None) -> str | None:
    if isinstance(expr, ast.Call) and expr.args and (ctx.call_name(expr) or "").endswith("text"):
        expr = expr.args[0]
    return ctx.const_str(expr)


def _password_slots(sql: str) -> list[tuple[str, int, str]]:
    """``(verb, offset of the placeholder, placeholder)`` for each password column's value."""
    out: list[tuple[str, int, str]] = []
    low = sql.lower()
    m = _INSERT.search(sql)
    if m:
        columns = [c.strip().strip('`"[] ') for c in m.group(1).split(",")]
        values = m.group(2).split(",")
        offset = m.start(2)
        positions = []
        for item in values:
            stripped = item.strip()
            positions.append((offset + item.index(stripped) if stripped else offset, stripped))
            offset += len(item) + 1
        for col, (pos, value) in zip(columns, positions):
            if _is_password_name(col):
                out.append(("stored", pos, value))
    where = low.find(" where ")
    for am in _ASSIGN.finditer(sql):
        if _is_password_name(am.group(1)):
            in_where = where != -1 and am.start() > where
            is_update = low.lstrip().startswith("update")
            if in_where:
                out.append(("looked up", am.start(2), am.group(2)))
            elif is_update:
                out.append(("stored", am.start(2), am.group(2)))
    return out


def _params_value(ctx: FileContext, params: ast.AST | None, sql: str, pos: int, placeholder: str) -> ast.AST | None:
    if isinstance(params, ast.Name):
        params = ctx.reaching_value(params)
    if params is None:
        return None
    if placeholder in ("?", "%s") or placeholder.startswith("$"):
        if isinstance(params, (ast.Tuple, ast.List)):
            if placeholder.startswith("$"):
                index = int(placeholder[1:]) - 1
            else:
                index = len(_POSITIONAL.findall(sql[:pos]))
            if 0 <= index < len(params.elts):
                return params.elts[index]
        return None
    key = placeholder[1:] if placeholder.startswith(":") else placeholder[2:-2]
    if isinstance(params, ast.Dict):
        for k, v in zip(params.keys, params.values):
            if literal_str(k) == key:
                return v
    if isinstance(params, ast.Call) and getattr(params.func, "id", "") == "dict":
        return next((kw.value for kw in params.keywords if kw.arg == key), None)
    return None


def _check_sql(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if not node.args:
        return
    sql = _sql_text(ctx, node.args[0])
    if not sql or "password" not in sql.lower() and "passwd" not in sql.lower() and "pwd" not in sql.lower():
        return
    params = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg in ("parameters", "params", "args")), None)
    for verb, pos, placeholder in _password_slots(sql):
        value = _params_value(ctx, params, sql, pos, placeholder)
        if value is not None and raw_password(ctx, value):
            where = "SQL INSERT/UPDATE password column" if verb == "stored" else "SQL WHERE password column"
            yield _hit(value, verb, where, _supplied(ctx, value) or verb == "looked up", ctx)
