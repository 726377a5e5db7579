"""AIS703 public-access-block-disabled: S3 Block Public Access turned off or deleted.

## What it does
Flags code that removes S3's guard rail against public buckets:

- ``put_public_access_block(PublicAccessBlockConfiguration={...})`` (bucket level on the
  ``s3`` client, account level on ``s3control``) with any of ``BlockPublicAcls``,
  ``IgnorePublicAcls``, ``BlockPublicPolicy``, ``RestrictPublicBuckets`` set to ``False``
  (high confidence), or left out of a literal configuration (medium: an omitted setting is
  stored as ``false``);
- ``delete_public_access_block(...)`` on either client.

The finding points at the first ``False`` (or the configuration, or the delete call).

## Why is this bad?
Block Public Access is what keeps a mistaken ACL or bucket policy from publishing data; it is
on by default for new buckets since April 2023. Code that switches it off is almost always a
step towards making the bucket public, and it also disarms the protection for every later
mistake on that bucket or, at account level, on every bucket of the account.

## Example
```python
import boto3

s3 = boto3.client("s3")
s3.put_public_access_block(
    Bucket="acme-assets",
    PublicAccessBlockConfiguration={
        "BlockPublicAcls": False,
        "IgnorePublicAcls": False,
        "BlockPublicPolicy": False,
        "RestrictPublicBuckets": False,
    },
)
```

## Use instead
```python
import boto3

s3 = boto3.client("s3")
s3.put_public_access_block(
    Bucket="acme-assets",
    PublicAccessBlockConfiguration={
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    },
)
```

## Known problems
A configuration built at run time (flags from a variable) is not judged. A bucket that must
be public (a static website) needs some of these off: suppress the line with a
justification, or serve it through CloudFront and keep the block on.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Amazon S3: Blocking public access to your Amazon S3 storage](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)
- [Amazon S3 API: PublicAccessBlockConfiguration (each field "Required: No", stored as false when omitted)](https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html)
- [OWASP Top 10 2021 A05: Security Misconfiguration](https://owasp.org/Top10/A05_2021-Security_Misconfiguration/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import api_call_shape, aws_service, keyword_value, literal
from ..checks import Confidence, FileContext, Hit, hit, on

# The four settings: Amazon S3 API reference, PublicAccessBlockConfiguration.
SETTINGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


def _wrong_service(ctx: FileContext, call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return True
    service = aws_service(ctx, call.func.value)
    return bool(service) and service not in ("s3", "s3control")


@on(ast.Call, callees={"put_public_access_block", "delete_public_access_block"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if _wrong_service(ctx, node) or not api_call_shape(ctx, node):
        return
    name = node.func.attr  # type: ignore[attr-defined]
    if name == "delete_public_access_block":
        yield hit(node, f"{name}()", "deletes every Block Public Access setting", confidence=Confidence.HIGH)
        return
    config = keyword_value(node, "PublicAccessBlockConfiguration")
    lit = literal(ctx, config) if config is not None else None
    if lit is None or not isinstance(lit.value, dict):
        return
    off = [(key, lit.value[key]) for key in SETTINGS if key in lit.value and lit.value[key].value is False]
    unknown = [key for key in SETTINGS if key in lit.value and not isinstance(lit.value[key].value, bool)]
    missing = [key for key in SETTINGS if key not in lit.value]
    if off:
        names = ", ".join(key for key, _ in off)
        yield hit(off[0][1].node, f"{name}()", f"sets {names} to False", confidence=Confidence.HIGH)
    elif missing and not unknown and not (isinstance(lit.node, ast.Dict) and None in lit.node.keys):
        names = ", ".join(missing)
        yield hit(lit.node, f"{name}()", f"leaves out {names}, which are then stored as false", confidence=Confidence.MEDIUM)
