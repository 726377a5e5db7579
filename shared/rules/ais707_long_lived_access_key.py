"""AIS707 long-lived-access-key: code that mints long-lived cloud access keys.

## What it does
Flags calls that create a static, non-expiring cloud credential:

- AWS IAM ``create_access_key(...)`` on the ``iam`` client and ``User.create_access_key_pair()``
  on the IAM resource;
- Google Cloud service-account keys: ``IAMClient.create_service_account_key(...)`` and the
  discovery API's ``projects().serviceAccounts().keys().create(...)``.

Confidence is high inside a web route handler or a Lambda handler (a key minted per request),
medium elsewhere. Rotation code is reported too: rotating replaces one long-lived key with
another.

## Why is this bad?
An access key for an IAM user or a service-account key file never expires by itself. Once
created it has to be stored, copied and eventually leaks (logs, images, repositories), and it
stays valid until someone notices. Workloads should take short-lived credentials from the
platform instead: IAM roles for EC2, ECS, Lambda and EKS, IAM Roles Anywhere, ``sts`` role
sessions, GCP workload identity and attached service accounts.

## Example
```python
import boto3

iam = boto3.client("iam")


def onboard_integration(name):
    iam.create_user(UserName=name)
    return iam.create_access_key(UserName=name)["AccessKey"]
```

## Use instead
```python
import boto3

sts = boto3.client("sts")


def integration_credentials(role_arn, name):
    session = sts.assume_role(RoleArn=role_arn, RoleSessionName=name, DurationSeconds=900)
    return session["Credentials"]
```

## Known problems
Administrative scripts that create keys for systems outside AWS (where no role can be used,
and IAM Roles Anywhere is not an option) are reported at medium confidence; suppress them
with a justification.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-522: Insufficiently Protected Credentials](https://cwe.mitre.org/data/definitions/522.html)
- [AWS IAM: Security best practices, "Require workloads to use temporary credentials"](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles)
- [AWS IAM: Managing access keys, "Update access keys when needed"](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html)
- [Google Cloud: Best practices for managing service account keys](https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys)
- [OWASP Non-Human Identities Top 10 2025, NHI7: Long-Lived Secrets](https://owasp.org/www-project-non-human-identities-top-10/2025/7-long-lived-secrets/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import api_call_shape, aws_service
from ..checks import Confidence, FileContext, Hit, hit, on

AWS_CREATE = frozenset({"create_access_key", "create_access_key_pair"})
GCP_CREATE = "create_service_account_key"


def _discovery_keys_create(call: ast.Call) -> bool:
    """``<service>.projects().serviceAccounts().keys().create(...)``."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "create"):
        return False
    keys = func.value
    if not (isinstance(keys, ast.Call) and isinstance(keys.func, ast.Attribute) and keys.func.attr == "keys"):
        return False
    accounts = keys.func.value
    return isinstance(accounts, ast.Call) and isinstance(accounts.func, ast.Attribute) and accounts.func.attr == "serviceAccounts"


def _confidence(ctx: FileContext, node: ast.AST) -> Confidence:
    func = ctx.enclosing_function(node)
    if func is not None and ctx.taint.route_kind(func) is not None:
        return Confidence.HIGH
    return Confidence.MEDIUM


@on(ast.Call, callees=AWS_CREATE | {GCP_CREATE, "create"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not isinstance(func, ast.Attribute):
        return
    if func.attr in AWS_CREATE:
        if not api_call_shape(ctx, node):
            return
        service = aws_service(ctx, func.value)
        if service and service != "iam":
            return
        yield hit(node, f"{func.attr}()", "an IAM user access key", confidence=_confidence(ctx, node))
    elif func.attr == GCP_CREATE or _discovery_keys_create(node):
        label = f"{func.attr}()" if func.attr == GCP_CREATE else "serviceAccounts().keys().create()"
        yield hit(node, label, "a service-account key", confidence=_confidence(ctx, node))
