"""AIS904 permission-change: code that changes a role, permission or IAM policy (opt-in review aid).

## What it does
Marks, for review, each place that grants or takes away privileges:

- assignments to a privilege attribute of an object: ``user.is_staff = True``,
  ``user.is_superuser``, ``user.is_admin``, ``user.role = "admin"``, ``user.roles``,
  ``user.permissions``, ``user.scopes``, ``member.is_owner``, ``account.is_moderator``;
- Django many-to-many grants: ``user.groups.add/set/remove/clear(...)``,
  ``user.user_permissions.add/...``, ``group.permissions.add/...`` (``groups``, ``roles``
  and ``permissions`` of an object named like a user, member, account, group or role);
- grant helpers: django-guardian ``assign_perm`` / ``remove_perm``, Flask-Security
  ``add_role_to_user`` / ``remove_role_from_user``, ``user.roles.append(...)``, helpers named
  ``set_permissions`` / ``grant_role`` / ``grant_permission`` / ``revoke_role``;
- cloud IAM: boto3 IAM ``put_role_policy``, ``put_user_policy``, ``put_group_policy``,
  ``attach_role_policy``, ``attach_user_policy``, ``attach_group_policy``,
  ``detach_*_policy``, ``create_policy``, ``create_policy_version``,
  ``update_assume_role_policy``, ``add_user_to_group``, ``remove_user_from_group``; Google
  Cloud ``set_iam_policy``.

The finding is a fact, not a flaw: confidence is high, severity low. The rule is off by
default; turn it on with ``aisec-enable`` (all review aids: ``AIS9``), then list a change's
identity code with
``flake8 --select=AIS9 --aisec-enable=AIS9 $(git diff --name-only main -- '*.py')``.

## Why is this bad?
It is not; it is where privilege escalation happens when the surrounding check is wrong: a
role taken from the request, a grant reachable by non-admins, an IAM policy with ``"*"``
actions. A human should read every change to this code.

## Example
```python
def promote(user):
    user.is_staff = True
    user.save()
```

## Use instead
Nothing to change: the finding marks the code for review. Projects that grant privileges only
through the framework's reviewed admin have nothing to mark:

```python
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

admin.site.unregister(User)
admin.site.register(User, UserAdmin)
```

## Known problems
Attribute assignments are matched by name on any object; a ``role`` attribute of something
else (a database role, a speaker's role in a chat message) is marked too. Setting a privilege
flag to False (a demotion) is marked as well: it is still a change of privileges.

## Options
``aisec-enable`` (``AIS9`` or ``AIS904``) turns the rule on.

## References
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [OWASP Authorization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
- [AWS IAM API: PutRolePolicy, AttachRolePolicy](https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html)
- [Django: permissions and authorization](https://docs.djangoproject.com/en/stable/topics/auth/default/#permissions-and-authorization)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

_PRIVILEGE_ATTRS = frozenset(
    {"is_staff", "is_superuser", "is_admin", "is_administrator", "is_moderator", "is_owner", "role",
     "roles", "permissions", "user_permissions", "scopes", "access_level", "privileges", "user_role",
     "admin"}
)
_M2M_GRANTS = frozenset({"groups", "user_permissions", "permissions", "roles"})
_GRANTEES = frozenset({"user", "users", "member", "account", "principal", "profile", "employee", "staff", "group", "role", "me", "admin", "customer", "person"})
_M2M_METHODS = frozenset({"add", "set", "remove", "clear", "append", "extend"})
# https://django-guardian.readthedocs.io/en/stable/api/guardian.shortcuts.html ;
# https://flask-security-too.readthedocs.io/en/stable/api.html#flask_security.UserDatastore
_GRANT_CALLS = frozenset(
    {"assign_perm", "remove_perm", "add_role_to_user", "remove_role_from_user", "set_permissions",
     "grant_role", "grant_permission", "grant_permissions", "revoke_role", "revoke_permission",
     "assign_role", "set_role", "add_permission", "remove_permission"}
)
# boto3 IAM client: https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/iam.html
_IAM_CALLS = frozenset(
    {"put_role_policy", "put_user_policy", "put_group_policy", "attach_role_policy",
     "attach_user_policy", "attach_group_policy", "detach_role_policy", "detach_user_policy",
     "detach_group_policy", "create_policy", "create_policy_version", "update_assume_role_policy",
     "add_user_to_group", "remove_user_from_group", "delete_role_policy", "delete_user_policy",
     "put_role_permissions_boundary", "put_user_permissions_boundary"}
)
# Google Cloud resource managers and Storage buckets: set_iam_policy.
_GCP_CALLS = frozenset({"set_iam_policy", "setIamPolicy"})


def _label(expr: ast.AST) -> str:
    return _label_text(ast.unparse(expr))


def _label_text(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


def _privilege_target(ctx: FileContext, target: ast.AST) -> bool:
    """``obj.is_staff = ...``; not ``self.role = role`` in ``__init__`` (construction)."""
    if not (isinstance(target, ast.Attribute) and target.attr in _PRIVILEGE_ATTRS):
        return False
    func = ctx.enclosing_function(target)
    return not (
        func is not None and func.name == "__init__" and isinstance(target.value, ast.Name) and target.value.id == "self"
    )


def _grant_set(attr: ast.Attribute) -> bool:
    """``user.groups``, ``request.user.user_permissions``, ``group.permissions``,
    ``member.roles``; not ``spec.groups`` (security groups) or ``self.permissions``."""
    if attr.attr not in _M2M_GRANTS:
        return False
    if attr.attr == "user_permissions":
        return True
    base = attr.value
    name = base.attr if isinstance(base, ast.Attribute) else base.id if isinstance(base, ast.Name) else ""
    return bool(set(split_words(name)) & _GRANTEES)


@on(ast.Assign, ast.AugAssign, ast.AnnAssign)
def check_assign(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if isinstance(node, ast.AnnAssign) and node.value is None:
        return
    if ctx.enclosing_function(node) is None:
        return  # class-level field declarations, module settings
    for target in targets:
        for t in (target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]):
            if _privilege_target(ctx, t):
                value = node.value if isinstance(target, ast.Attribute) and node.value is not None else None
                shown = f"{ast.unparse(t)} = {ast.unparse(value)}" if value is not None else ast.unparse(t)
                yield hit(t, "role or privilege changed", _label_text(shown), confidence=Confidence.HIGH)


@on(ast.Call, callees=_M2M_METHODS | _GRANT_CALLS | _IAM_CALLS | _GCP_CALLS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in _M2M_METHODS:
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) and _grant_set(func.value):
            yield hit(func, "group or permission membership changed", _label(func) + "()", confidence=Confidence.HIGH)
        return
    if name in _GRANT_CALLS:
        yield hit(func, "permission granted or revoked", _label(func) + "()", confidence=Confidence.HIGH)
    elif name in _IAM_CALLS and isinstance(func, ast.Attribute):
        yield hit(func, "IAM policy changed", _label(func) + "()", confidence=Confidence.HIGH)
    elif name in _GCP_CALLS and isinstance(func, ast.Attribute):
        yield hit(func, "IAM policy changed", _label(func) + "()", confidence=Confidence.HIGH)
