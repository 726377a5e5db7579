"""AIS705 overly-permissive-iam-policy: an IAM policy that grants every action or writes on every resource.

## What it does
Reads the policy documents passed to boto3 IAM calls (``create_policy``,
``create_policy_version``, ``put_role_policy``, ``put_user_policy``, ``put_group_policy``
and the resource form ``RolePolicy(...).put``, ``UserPolicy(...).put``,
``GroupPolicy(...).put`` with ``PolicyDocument=``) as dict literals, names bound to them,
``json.dumps(...)`` or JSON strings, and flags an ``Allow`` statement that grants:

- ``"Action": "*"``: high confidence on ``"Resource": "*"``, medium on a narrower resource;
- ``"NotAction"`` (every action but the listed ones): high on ``"*"``, medium otherwise;
- ``"<service>:*"`` on ``"Resource": "*"`` (medium; high for ``iam:*``, which lets the
  identity make itself administrator);
- a write action (``Put*``, ``Delete*``, ``Create*``, ``Update*``, ``Attach*``,
  ``iam:PassRole``, ...) on ``"Resource": "*"`` (medium; high for IAM write actions). The
  few write actions that only accept ``"*"`` (``cloudwatch:PutMetricData``,
  ``xray:PutTraceSegments``, the Lambda VPC network-interface and CloudWatch Logs actions
  of AWS's own execution-role policies) are not reported.

A ``Condition`` on the statement lowers the confidence one step. It also flags
``attach_role_policy`` / ``attach_user_policy`` / ``attach_group_policy`` /
``Role.attach_policy`` of the AWS managed ``AdministratorAccess``, ``IAMFullAccess`` or
``PowerUserAccess`` policies (medium).

The finding points at the guilty action, inside the literal where the fix belongs.

## Why is this bad?
An application or service identity rarely needs more than a handful of actions on a handful
of resources. A wildcard grant turns any bug, injection or leaked key of that identity into
control of the whole account: data in every bucket and table, new users and keys, deleted
backups. IAM write actions on every resource are a direct path to administrator
(``iam:PassRole``, ``iam:AttachRolePolicy``, ``iam:CreateAccessKey``). Assistants write
``"Action": "*"`` to make an ``AccessDenied`` go away.

## Example
```python
import json

import boto3

iam = boto3.client("iam")
iam.put_role_policy(
    RoleName="report-worker",
    PolicyName="worker",
    PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    ),
)
```

## Use instead
```python
import json

import boto3

iam = boto3.client("iam")
iam.put_role_policy(
    RoleName="report-worker",
    PolicyName="worker",
    PolicyDocument=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:PutObject"],
                    "Resource": "arn:aws:s3:::acme-reports/*",
                }
            ],
        }
    ),
)
```

## Known problems
Read actions on ``"*"`` (``s3:GetObject`` on every bucket) are not reported. A document built
step by step or loaded from a file is not seen; one built with a helper of your own is seen
only when the helper returns a literal bound to a name. Service-linked and break-glass
administrator roles are meant to be broad: suppress the line with a justification.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [AWS IAM: Security best practices, "Apply least-privilege permissions"](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege)
- [AWS IAM: Action element and NotAction](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html)
- [Service Authorization Reference: actions without resource types](https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)
- [OWASP Non-Human Identities Top 10 2025, NHI5: Overprivileged NHI](https://owasp.org/www-project-non-human-identities-top-10/2025/5-overprivileged-nhi/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import (
    Lit,
    Statement,
    api_call_shape,
    aws_service,
    keyword_value,
    literal,
    policy_statements,
)
from ..checks import Confidence, FileContext, Hit, hit, on

POLICY_METHODS = frozenset(
    {"create_policy", "create_policy_version", "put_role_policy", "put_user_policy", "put_group_policy", "put"}
)
ATTACH_METHODS = frozenset({"attach_role_policy", "attach_user_policy", "attach_group_policy", "attach_policy"})
# AWS managed policies that amount to administrator (IAMFullAccess: can grant itself anything).
# https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
BROAD_MANAGED = frozenset({"AdministratorAccess", "IAMFullAccess", "PowerUserAccess"})
# Verb prefixes of write and permissions-management actions (Service Authorization Reference
# "Access level": Write / Permissions management).
WRITE_VERBS = (
    "put", "delete", "create", "update", "attach", "detach", "modify", "terminate", "pass", "set",
    "remove", "add", "replace", "restore", "revoke", "authorize", "upload", "write", "import",
    "change", "reset", "disable", "enable",
)
# Write actions with no resource type: "*" is the only Resource they accept, and AWS's own
# managed execution-role policies grant them on "*" (AWSLambdaBasicExecutionRole,
# AWSLambdaVPCAccessExecutionRole, AWSXRayDaemonWriteAccess, CloudWatchAgentServerPolicy).
RESOURCE_STAR_ONLY = frozenset(
    {
        "cloudwatch:putmetricdata", "xray:puttracesegments", "xray:puttelemetryrecords",
        "ec2:createnetworkinterface", "ec2:deletenetworkinterface", "ec2:assignprivateipaddresses",
        "ec2:unassignprivateipaddresses", "logs:createloggroup", "logs:createlogstream", "logs:putlogevents",
    }
)
_DOWNGRADE = {Confidence.HIGH: Confidence.MEDIUM, Confidence.MEDIUM: Confidence.LOW, Confidence.LOW: Confidence.LOW}


def _is_write(verb: str) -> bool:
    verb = verb.lower()
    return verb.startswith("*") or verb.startswith(WRITE_VERBS)


def judge_statement(stmt: Statement) -> tuple[Confidence, Lit, str] | None:
    """The worst grant of an Allow statement: (confidence, guilty node, description)."""
    if not stmt.allows or not stmt.actions:
        return None
    every = stmt.wildcard_resource()
    on_every = " on Resource '*'" if every is not None else ""
    found: list[tuple[Confidence, Lit, str]] = []
    if stmt.not_action:
        conf = Confidence.HIGH if every is not None else Confidence.MEDIUM
        found.append((conf, stmt.actions[0], f"every action except NotAction{on_every}"))
    else:
        for action in stmt.actions:
            text = (action.text() or "").strip()
            if not text or "\x00" in text:
                continue
            if text in ("*", "*:*"):
                conf = Confidence.HIGH if every is not None else Confidence.MEDIUM
                found.append((conf, action, f"Action '*'{on_every}"))
                continue
            service, _, verb = text.partition(":")
            if every is None or not verb:
                continue
            iam = service.lower() == "iam"
            if verb == "*":
                conf = Confidence.HIGH if iam else Confidence.MEDIUM
                found.append((conf, action, f"Action '{text}'{on_every}"))
            elif _is_write(verb) and text.lower() not in RESOURCE_STAR_ONLY:
                conf = Confidence.HIGH if iam else Confidence.MEDIUM
                found.append((conf, action, f"the write action '{text}'{on_every}"))
    if not found:
        return None
    conf, node, what = max(found, key=lambda f: f[0].rank)
    if stmt.condition:
        conf = _DOWNGRADE[conf]
    return conf, node, what


def _not_iam(ctx: FileContext, call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return True
    service = aws_service(ctx, call.func.value)
    return bool(service) and service != "iam"


@on(ast.Call, callees=POLICY_METHODS | ATTACH_METHODS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if _not_iam(ctx, node) or not api_call_shape(ctx, node):
        return
    name = node.func.attr  # type: ignore[attr-defined]
    if name in ATTACH_METHODS:
        arn = literal(ctx, keyword_value(node, "PolicyArn"))
        text = arn.text() or ""
        policy = text.rsplit("/", 1)[-1]
        if ":iam::aws:policy/" in text and policy in BROAD_MANAGED:
            yield hit(arn.node, f"{name}()", f"the AWS managed policy {policy}", confidence=Confidence.MEDIUM)
        return
    statements = policy_statements(ctx, keyword_value(node, "PolicyDocument"))
    for stmt in statements or ():
        judged = judge_statement(stmt)
        if judged is not None:
            conf, guilty, what = judged
            yield hit(guilty.node, f"{name}()", what, confidence=conf)
