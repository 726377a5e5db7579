"""AIS306 assert-access-check: an assert statement used as an access or authentication check.

## What it does
Flags an ``assert`` inside a function whose condition decides who may do something:

- a role, permission or privilege test: ``assert user.is_admin``, ``assert
  request.user.is_staff``, ``assert request.user.role == "doctor"``, ``assert
  request.user.has_perm("app.delete_item")``, ``assert "write" in token.scopes``;
- authentication: ``assert current_user.is_authenticated``, ``assert not
  request.user.is_anonymous``, ``assert is_authenticated(request)``, ``assert
  check_password(password, user.password_hash)``, ``assert verify_token(token)``,
  ``assert hmac.compare_digest(sig, expected)``;
- ownership: ``assert item.owner_id == current_user.id``, ``assert post.author ==
  request.user``;
- a comparison of a credential with another value: ``assert token == expected``,
  ``assert session["user_id"] == user_id``.

In a condition made of several parts (``assert obj is not None and obj.owner_id ==
user.id``) the access part is reported. Not reported: asserts about types, lengths, ``None``
or internal state (``assert isinstance(user, User)``, ``assert len(token) == 32``, ``assert
user is not None``, ``assert device.online``), the signed-out state (``assert not
request.user.is_authenticated`` after a logout), module-level asserts (configuration checks at
import), and test code (files matching ``aisec-test-paths``, ``test_*`` functions and
``Test*`` classes).

## Why is this bad?
``python -O`` (or ``PYTHONOPTIMIZE=1``, common in Docker images and some WSGI servers'
settings) compiles every ``assert`` away. The access check then vanishes silently and every
caller passes it: a regular user deletes what only admins may, or anyone edits anyone's
object. Even when asserts run, a failed one answers 500 instead of 403.

## Example
```python
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Contact

@login_required
@require_POST
def archive_all(request):
    assert request.user.is_staff, "staff only"
    Contact.objects.all().update(archived=True)
    return JsonResponse({"ok": True})
```

## Use instead
```python
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Contact

@login_required
@require_POST
def archive_all(request):
    if not request.user.is_staff:
        raise PermissionDenied("staff only")
    Contact.objects.all().update(archived=True)
    return JsonResponse({"ok": True})
```

## Known problems
The rule reads names, not types: an assert on an object whose attributes happen to be called
``role`` or ``owner`` for another purpose (a database role, a file owner) is reported too.
``assert user`` alone is not reported, although after ``authenticate()`` it is the login
check; review such asserts yourself. An access-named bare name that a ``for`` loop takes
(``for admin in admins: assert admin``) is low: it tests that each item was found. A comparison of a type field (``credential_type``,
``token_kind``) or with an upper-case member whose name is no secret (``TokenType.ACCESS``)
is an invariant about the value and is not reported; ``== settings.API_KEY`` is. The
roles of a chat model's messages are no access roles: ``assert role in ("assistant",
"system", "user")`` checks a message's format (a constant of chat roles only, ``"assistant"``
among them, after the OpenAI chat completions API's ``messages[].role``); ``assert role ==
"user"`` alone is still reported, ``assert new_message.role == "user"`` (the role of a value
named as a message) is not. ``assert user in session.dirty`` tests whether an ORM session
will write the object (SQLAlchemy's ``Session.dirty`` / ``new`` / ``deleted``), not access.

## Options
``aisec-test-paths`` names the test files, where asserts are the point.

## References
- [CWE-617: Reachable Assertion](https://cwe.mitre.org/data/definitions/617.html)
- [CWE-862: Missing Authorization](https://cwe.mitre.org/data/definitions/862.html)
- [Python docs: the assert statement (removed when optimization is requested)](https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement)
- [Bandit B101: assert_used](https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html)
- [OWASP Authorization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.auth import handler_of
from ..analysis.words import secret_name_kind, split_words
from ..checks import Confidence, FileContext, Hit, hit, on

# Words that make a condition an access decision wherever they appear in an identifier.
# ("owner" is judged separately: ownerDocument is not an owner check.)
_ACCESS_WORDS = frozenset(
    {"admin", "admins", "administrator", "staff", "superuser", "role", "roles", "permission",
     "permissions", "privilege", "privileges", "authenticated", "authorized", "authorised",
     "authorize", "authorise", "authenticate", "logged", "scopes", "acl", "acls", "moderator"}
)
_OWNER_WORDS = frozenset({"owner", "owners", "owned"})
_OWNER_TAILS = _OWNER_WORDS | {"id", "ids", "pk", "uid", "user", "username", "account", "by"}
# Collections of grants: ``"admin" in user.groups`` decides access.
_GRANT_COLLECTIONS = frozenset({"groups", "roles", "scopes", "permissions", "perms", "grants", "claims"})
# Attribute names that only identify their object: ``current_user.id`` names a user.
_ID_ATTRS = frozenset({"id", "pk", "uid", "ids"})
# Identities: a comparison of two values that names one decides access (ownership).
_IDENTITY_WORDS = frozenset(
    {"user", "uid", "account", "member", "principal", "identity", "author", "tenant", "creator",
     "sub", "owner"}
)
# A comparison of an attribute like these is about a parser's token, not a credential.
_METADATA_ATTRS = frozenset({"name", "type", "kind", "text", "position", "line", "lineno", "value_type"})
# Credentials: a check call or comparison that names one decides authentication.
_CREDENTIAL_WORDS = frozenset(
    {"token", "signature", "sig", "digest", "password", "passwd", "otp", "pin", "credential",
     "credentials", "hmac", "jwt", "secret", "apikey", "key", "login", "mfa", "totp", "webhook"}
)
# Verbs of a call that checks a credential or an identity (verify_token, check_user).
_CHECK_VERBS = frozenset({"verify", "check", "authenticate", "authorize", "authorise", "compare", "require", "ensure"})
_CHECK_CALLS = frozenset({"compare_digest", "checkpw", "check_password", "check_password_hash", "has_perm", "has_perms", "has_permission", "has_role", "has_roles", "has_scope", "has_access"})
# Calls and tests about shape, not access.
_SHAPE_CALLS = frozenset({"isinstance", "issubclass", "len", "type", "hasattr", "callable", "id", "bool", "str", "int"})
_FIXES = {
    "django": "test it with if and raise PermissionDenied",
    "drf": "test it with if and raise PermissionDenied",
    "fastapi": "test it with if and raise HTTPException(status_code=403)",
    "flask": "test it with if and call abort(403)",
}
_FIX_BY_IMPORT = (
    (("django", "rest_framework"), "django"),
    (("fastapi", "starlette"), "fastapi"),
    (("flask", "quart"), "flask"),
)
_FIX = "test it with if and raise an exception that denies access"


def _names(expr: ast.AST) -> list[str]:
    """Identifiers and attribute names in `expr`, skipping shape calls and string literals."""
    out: list[str] = []
    work = [expr]
    while work:
        node = work.pop()
        if isinstance(node, ast.Call) and _tail(node.func) in _SHAPE_CALLS:
            continue
        if isinstance(node, ast.Name):
            out.append(node.id)
        elif isinstance(node, ast.Attribute):
            out.append(node.attr)
        work.extend(ast.iter_child_nodes(node))
    return out


def _access_name(name: str) -> bool:
    words = split_words(name)
    if set(words) & _ACCESS_WORDS:
        return True
    return any(w in _OWNER_WORDS and (i == len(words) - 1 or words[i + 1] in _OWNER_TAILS) for i, w in enumerate(words))


def _operand_name(expr: ast.AST) -> str:
    """What a compared value is called: ``current_user.id`` -> ``current_user_id``,
    ``session.get("user_id")`` -> ``user_id``, ``claims["sub"]`` -> ``sub``."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        if expr.attr in _ID_ATTRS:
            return f"{_operand_name(expr.value)}_{expr.attr}"
        return expr.attr
    if isinstance(expr, ast.Subscript):
        key = expr.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
        return _operand_name(expr.value)
    if isinstance(expr, ast.Call):
        if isinstance(expr.func, ast.Attribute) and expr.func.attr == "get" and expr.args:
            key = expr.args[0]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                return key.value
        return _tail(expr.func)
    return ""


def _identity_name(name: str) -> bool:
    """``user``, ``request.user``, ``owner_id``, ``current_user_id``, ``author``; not
    ``user_count`` or ``user_agent``."""
    words = split_words(name)
    if not words:
        return False
    if words[-1] in _IDENTITY_WORDS:
        return True
    return words[-1] in _ID_ATTRS and any(w in _IDENTITY_WORDS for w in words[:-1])


def _secret_operand(name: str) -> bool:
    return bool(name) and secret_name_kind(name) is not None


def _tail(expr: ast.AST) -> str:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return ""


def _is_none(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Constant) and expr.value is None


# The roles of a chat model's messages (OpenAI chat completions and the APIs that copy it:
# https://platform.openai.com/docs/api-reference/chat/create, "messages").
_CHAT_ROLES = frozenset({"system", "user", "assistant", "tool", "function", "developer"})


def _chat_roles(expr: ast.AST) -> bool:
    """A constant that names chat message roles only, ``"assistant"`` among them:
    ``("assistant", "system", "user")``, ``"assistant"``. Access roles are not called that."""
    items = expr.elts if isinstance(expr, (ast.Tuple, ast.List, ast.Set)) else [expr]
    names = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    return len(names) == len(items) and "assistant" in names and set(names) <= _CHAT_ROLES


# Words of a value that holds a chat model's message (``new_message.role``, ``msg.role``).
_MESSAGE_WORDS = frozenset({"message", "messages", "msg", "msgs", "turn"})


def _message_role(expr: ast.Compare) -> bool:
    """``new_message.role == "user"``: the ``role`` of a value named as a chat message,
    compared with constants that are all chat roles (`_CHAT_ROLES`). An access role is held
    by a user or a token, not by a message."""
    left = expr.left
    if not (isinstance(left, ast.Attribute) and left.attr == "role"):
        return False
    if not _MESSAGE_WORDS.intersection(split_words(_operand_name(left.value))):
        return False
    for o in expr.comparators:
        items = o.elts if isinstance(o, (ast.Tuple, ast.List, ast.Set)) else [o]
        if not items or not all(isinstance(i, ast.Constant) and i.value in _CHAT_ROLES for i in items):
            return False
    return True


# The collections of a SQLAlchemy Session's unit of work
# (https://docs.sqlalchemy.org/en/20/orm/session_api.html#sqlalchemy.orm.Session.dirty):
# an object in them is pending a write, which says nothing of who may write it.
_SESSION_STATE = frozenset({"dirty", "new", "deleted", "identity_map"})


def _session_state(expr: ast.Compare) -> bool:
    """``user in session.dirty``: a membership test of an object in the unit-of-work state of
    a value named as a session (`_SESSION_STATE`)."""
    if not all(isinstance(op, (ast.In, ast.NotIn)) for op in expr.ops):
        return False
    return all(
        isinstance(o, ast.Attribute) and o.attr in _SESSION_STATE and "session" in split_words(_operand_name(o.value))
        for o in expr.comparators
    )


def _shape_only(expr: ast.AST) -> bool:
    """``isinstance(x, T)``, ``len(x) == n``, ``x is None``: about the value, not access;
    so is a test of a chat message's role against the chat roles (`_chat_roles`,
    `_message_role`) and of an object's place in an ORM session (`_session_state`)."""
    if isinstance(expr, ast.Call) and _tail(expr.func) in _SHAPE_CALLS:
        return True
    if isinstance(expr, ast.Compare):
        operands = [expr.left, *expr.comparators]
        if any(_is_none(o) for o in operands):
            return True
        if any(_chat_roles(o) for o in expr.comparators) or _message_role(expr) or _session_state(expr):
            return True
        if any(isinstance(o, ast.Call) and _tail(o.func) in _SHAPE_CALLS for o in operands):
            return True
    return False


def _parts(test: ast.AST) -> Iterator[ast.AST]:
    """The conjuncts and disjuncts of a condition, with ``not`` stripped."""
    work = [test]
    while work:
        node = work.pop(0)
        if isinstance(node, ast.BoolOp):
            work.extend(node.values)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            if _anonymous_test(node.operand):
                yield node  # not user.is_anonymous: someone is signed in
            elif not _signed_in_test(node.operand):
                work.append(node.operand)
        else:
            yield node


def _signed_in_test(expr: ast.AST) -> bool:
    """``request.user.is_authenticated``, ``is_logged_in(request)``, ``current_user.signed_in``:
    whether someone is signed in. Asserted negated (``assert not request.user.is_authenticated``
    after ``auth.logout(request)``, mozilla-django-oidc's refresh middleware) it states the
    signed-out state the code just made, which grants nothing."""
    words = split_words(_tail(expr.func if isinstance(expr, ast.Call) else expr))
    if "authenticated" in words:
        return True
    return any(w in ("logged", "signed") and words[i + 1 : i + 2] == ["in"] for i, w in enumerate(words))


def _anonymous_test(expr: ast.AST) -> bool:
    """``request.user.is_anonymous``, ``current_user.anonymous``: whether nobody is signed
    in. Negated (``assert not request.user.is_anonymous``) it is an authentication check;
    as it stands it states the signed-out state, no access check."""
    return "anonymous" in split_words(_tail(expr.func if isinstance(expr, ast.Call) else expr))


def _secret_named(expr: ast.AST) -> bool:
    return any(_secret_operand(n) for n in _names(expr))


def access_part(expr: ast.AST) -> ast.AST | None:
    """The part of an assert condition that decides access, if any."""
    for part in _parts(expr):
        if isinstance(part, ast.UnaryOp):
            return part  # not user.is_anonymous (`_parts` yields no other negation)
        if _shape_only(part):
            continue
        if any(_access_name(n) for n in _names(part)):
            return part
        if isinstance(part, ast.Call) and _access_call(part):
            return part
        if isinstance(part, ast.Compare):
            operands = [part.left, *part.comparators]
            names = [_operand_name(o) for o in operands]
            if any(split_words(n)[-1:] and split_words(n)[-1] in _GRANT_COLLECTIONS for n in names[1:]):
                return part  # "admin" in user.groups
            if any(_identity_name(n) or _secret_operand(n) for n in names) and not any(
                isinstance(o, ast.Constant) or (isinstance(o, ast.Attribute) and o.attr in _METADATA_ATTRS)
                for o in operands
            ) and not any(_type_field(n) for n in names) and not any(_enum_member(o) for o in operands):
                return part
    return None


def _type_field(name: str) -> bool:
    """A field that says what kind a value is (``credential_type``, ``token_kind``): a
    comparison of it states an invariant about the value, not who may act."""
    words = split_words(name)
    return bool(words) and words[-1] in _METADATA_ATTRS


def _enum_member(expr: ast.AST) -> bool:
    """An upper-case member of a class or module (``Status.ACTIVE``, ``TokenType.ACCESS``)
    whose name is no secret: a constant of the program, which no caller chooses.
    ``settings.API_KEY`` is a secret, compared in an access check."""
    return isinstance(expr, ast.Attribute) and expr.attr.isupper() and not _secret_operand(expr.attr)


def _access_call(call: ast.Call) -> bool:
    """``check_password(...)``, ``verify_token(t)``, ``user.can_edit(post)``,
    ``verify(token, key)``."""
    name = _tail(call.func)
    if name in _CHECK_CALLS:
        return True
    words = split_words(name)
    if not words:
        return False
    if words[0] in ("can", "may") and len(words) > 1:
        return True
    if words[0] not in _CHECK_VERBS:
        return False
    rest = set(words[1:])
    if rest & (_CREDENTIAL_WORDS | _IDENTITY_WORDS):
        return True
    args = [*call.args, *(k.value for k in call.keywords)]
    return not rest and any(_secret_named(a) for a in args)


def _in_test_code(ctx: FileContext, node: ast.AST) -> bool:
    if ctx.settings.is_test_path(ctx.filename):
        return True
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef)) and anc.name.startswith("test"):
            return True
        if isinstance(anc, ast.ClassDef) and anc.name.startswith("Test"):
            return True
    return False


@on(ast.Assert)
def check_assert(node: ast.Assert, ctx: FileContext) -> Iterator[Hit]:
    if ctx.enclosing_function(node) is None or _in_test_code(ctx, node):
        return
    part = access_part(node.test)
    if part is None:
        return
    text = ast.unparse(part)
    if len(text) > 60:
        text = text[:57] + "..."
    confidence = Confidence.LOW if _loop_item(ctx, part) else Confidence.HIGH
    yield hit(part, text, _fix(ctx, node), confidence=confidence)


def _loop_item(ctx: FileContext, part: ast.AST) -> bool:
    """A bare name every binding of which is a ``for`` target: ``for admin in admins: assert
    admin`` (ckan's test-data builder) tests that each item of a list was found, the
    ``assert user`` after a lookup, not a flag. Low: a list of flags is possible."""
    if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not):
        part = part.operand
    if not isinstance(part, ast.Name):
        return False
    binds = ctx.bindings_of(part)
    return bool(binds) and all(b.kind == "loop" for b in binds)


def _fix(ctx: FileContext, node: ast.AST) -> str:
    """The denial idiom of the handler's framework (of the module's, outside handlers)."""
    func = ctx.enclosing_function(node)
    while func is not None:
        h = handler_of(ctx, func)
        if h is not None and h.framework in _FIXES:
            return _FIXES[h.framework]
        func = ctx.enclosing_function(func)
    kind = next((k for modules, k in _FIX_BY_IMPORT if ctx.imports_any(modules)), None)
    return _FIXES.get(kind or "", _FIX)
