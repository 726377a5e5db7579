"""AIS901 authentication-logic: code that authenticates a user (opt-in review aid).

## What it does
Marks, for review, each place that decides who a caller is:

- a password check: Django ``check_password`` (the function and ``user.check_password``),
  Werkzeug ``check_password_hash``, ``bcrypt.checkpw``, passlib ``CryptContext.verify`` /
  ``verify_and_update`` and ``<scheme>.verify``, argon2 ``PasswordHasher().verify``,
  ``pwd_context.verify(...)``, and helpers named ``verify_password`` / ``check_password``;
- a credential backend: Django ``authenticate()`` and project helpers named
  ``authenticate`` / ``authenticate_user``;
- a login: Flask-Login ``login_user``, Django ``django.contrib.auth.login`` (also ``alogin``).

The finding is a fact, not a flaw: confidence is high, severity low. The rule is off by
default; turn it on with ``aisec-enable`` (all review aids: ``AIS9``).

The review workflow: on a change, list every identity-relevant line for the reviewer.

```sh
flake8 --select=AIS9 --aisec-enable=AIS9 $(git diff --name-only main -- '*.py')
```

The other review aids mark token handling (AIS902), credential reads (AIS903) and changes of
roles, permissions and IAM policies (AIS904).

## Why is this bad?
It is not; it is where a mistake hurts most. Assistants write login flows that run and look
right: a missing ``is_active`` check, a login that skips the password check for one branch, a
user looked up by a field the client chose, no rate limit. A human should read every change to
this code.

## Example
```python
from flask_login import login_user
from werkzeug.security import check_password_hash

def sign_in(user, password):
    if user is not None and check_password_hash(user.password_hash, password):
        login_user(user)
        return True
    return False
```

## Use instead
Nothing to change: the finding marks the code for review. Code that leaves authentication to
the framework's reviewed views has nothing to mark:

```python
from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [path("login/", auth_views.LoginView.as_view(), name="login")]
```

## Known problems
Method calls are matched by name where the receiver's type cannot be resolved (``.verify``
on an object named like a password context or hasher, ``.check_password``). A project's own
authentication helpers are marked only when they are named like the ones above; their calls
to these APIs are marked inside them in any case.

## Options
``aisec-enable`` (``AIS9`` or ``AIS901``) turns the rule on.

## References
- [CWE-287: Improper Authentication](https://cwe.mitre.org/data/definitions/287.html)
- [OWASP Authentication Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html)
- [OWASP Code Review Guide: authentication](https://owasp.org/www-project-code-review-guide/)
- [Django: authenticating users](https://docs.djangoproject.com/en/stable/topics/auth/default/#authenticating-users)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

# Qualified names: https://docs.djangoproject.com/en/stable/topics/auth/passwords/ ,
# https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.security.check_password_hash ,
# https://pypi.org/project/bcrypt/ , https://flask-login.readthedocs.io/ .
_QUALIFIED = {
    "django.contrib.auth.hashers.check_password": "password verified",
    "werkzeug.security.check_password_hash": "password verified",
    "werkzeug.check_password_hash": "password verified",
    "bcrypt.checkpw": "password verified",
    "django.contrib.auth.authenticate": "user authenticated",
    "django.contrib.auth.aauthenticate": "user authenticated",
    "django.contrib.auth.login": "user logged in",
    "django.contrib.auth.alogin": "user logged in",
    "flask_login.login_user": "user logged in",
    "flask_login.utils.login_user": "user logged in",
    "flask_security.login_user": "user logged in",
    "flask_security.utils.login_user": "user logged in",
    "flask_security.verify_password": "password verified",
    "flask_security.utils.verify_password": "password verified",
    "flask_security.verify_and_update_password": "password verified",
}
# Local helpers and methods recognised by name.
_NAMED = {
    "check_password": "password verified",
    "check_password_hash": "password verified",
    "verify_password": "password verified",
    "checkpw": "password verified",
    "authenticate": "user authenticated",
    "authenticate_user": "user authenticated",
    "login_user": "user logged in",
}
# passlib / argon2 verifiers: https://passlib.readthedocs.io/en/stable/lib/passlib.context.html
_VERIFY_METHODS = frozenset({"verify", "verify_and_update"})
_HASHER_MODULES = ("passlib", "argon2", "pwdlib")
_HASHER_WORDS = frozenset({"pwd", "password", "passwd", "hasher", "ph", "crypt", "context", "argon2", "bcrypt", "scrypt", "pbkdf2", "sha256", "sha512"})


def _label(expr: ast.AST) -> str:
    text = ast.unparse(expr)
    return text if len(text) <= 40 else "..." + text[-37:]


def _hasher(ctx: FileContext, receiver: ast.AST) -> bool:
    inst = ctx.instance_of(receiver) or ctx.qualname(receiver) or ""
    if inst.startswith(_HASHER_MODULES):
        return True
    name = receiver.id if isinstance(receiver, ast.Name) else getattr(receiver, "attr", "")
    return bool(set(split_words(name)) & _HASHER_WORDS) and ctx.imports_any(_HASHER_MODULES + ("bcrypt",))


@on(ast.Call, callees=set(_NAMED) | _VERIFY_METHODS | {"login", "alogin", "aauthenticate", "verify_and_update_password"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    qn = ctx.call_name(node)
    what = _QUALIFIED.get(qn or "")
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if what is None and name in _VERIFY_METHODS and isinstance(func, ast.Attribute) and _hasher(ctx, func.value):
        what = "password verified"
    if what is None and name in _NAMED and (qn is None or not qn.startswith(("django.", "flask", "werkzeug", "bcrypt"))):
        what = _NAMED[name]
    if what is None:
        return
    yield hit(func, what, _label(func) + "()", confidence=Confidence.HIGH)
