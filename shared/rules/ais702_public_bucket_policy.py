"""AIS702 public-bucket-policy: an S3 bucket policy that allows everyone, with no condition.

## What it does
Flags ``put_bucket_policy(Policy=...)`` (S3 and S3 Control), ``put_access_point_policy`` and
the resource form ``BucketPolicy.put(Policy=...)`` when the policy has an ``Allow`` statement
whose principal is everyone (``"Principal": "*"``, ``{"AWS": "*"}``, or a ``NotPrincipal``)
and no ``Condition``. The policy may be a dict literal, a name bound to one,
``json.dumps(...)`` of it, or a JSON string.

The finding points at the ``"*"`` principal (inside the literal, where the fix belongs).

## Why is this bad?
A bucket policy with a wildcard principal and no condition grants its actions to anyone on
the internet, signed in or not: ``s3:GetObject`` publishes every object, ``s3:PutObject``
turns the bucket into free hosting for someone else, ``s3:*`` hands it over. Assistants
write this policy to fix an "Access Denied".

## Example
```python
import json

import boto3

s3 = boto3.client("s3")
policy = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*"}
    ],
}
s3.put_bucket_policy(Bucket="acme-reports", Policy=json.dumps(policy))
```

## Use instead
```python
import json

import boto3

s3 = boto3.client("s3")
policy = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "cloudfront.amazonaws.com"},
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::acme-reports/*",
            "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"}},
        }
    ],
}
s3.put_bucket_policy(Bucket="acme-reports", Policy=json.dumps(policy))
```

## Known problems
Any ``Condition`` counts as scoping the statement; a condition that restricts nothing
(``aws:SecureTransport`` alone) is not told apart. A policy assembled step by step
(``policy["Statement"].append(...)``) or read from a file is not seen. Public website
buckets are public on purpose: suppress the line with a justification, or serve through
CloudFront with origin access control.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Amazon S3: Blocking public access, "The meaning of public"](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status)
- [AWS IAM: Principal element, "All principals"](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous)
- [Amazon CloudFront: Restricting access to an Amazon S3 origin](https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html)
- [OWASP Top 10 2021 A01: Broken Access Control](https://owasp.org/Top10/A01_2021-Broken_Access_Control/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import api_call_shape, aws_service, keyword_value, policy_statements
from ..checks import Confidence, FileContext, Hit, hit, on

POLICY_METHODS = frozenset({"put_bucket_policy", "put_access_point_policy", "put"})


def describe_actions(actions) -> str:
    """The actions of a statement, shortened for a message."""
    names = [str(a.value) for a in actions if isinstance(a.value, str)]
    if not names:
        return "its actions"
    shown = ", ".join(names[:3])
    return shown + (", ..." if len(names) > 3 else "")


@on(ast.Call, callees=POLICY_METHODS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not isinstance(func, ast.Attribute):
        return
    document = keyword_value(node, "Policy")
    if document is None or not api_call_shape(ctx, node):
        return
    service = aws_service(ctx, func.value)
    if service and service not in ("s3", "s3control"):
        return
    statements = policy_statements(ctx, document)
    for stmt in statements or ():
        if not stmt.allows or stmt.condition:
            continue
        star = stmt.public_principal()
        if star is None:
            continue
        verb = "NotPrincipal" if stmt.not_principal else "Principal '*'"
        yield hit(star.node, f"{func.attr}()", f"{verb} ({describe_actions(stmt.actions)})", confidence=Confidence.HIGH)
