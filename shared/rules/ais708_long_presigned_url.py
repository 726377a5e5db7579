"""AIS708 long-presigned-url: a presigned or signed URL that stays valid for more than a day.

## What it does
Flags a signed link whose lifetime, written as a constant, exceeds one day (86,400 seconds):

- boto3 S3 ``generate_presigned_url(..., ExpiresIn=N)`` and
  ``generate_presigned_post(..., ExpiresIn=N)`` (keyword or position);
- Google Cloud Storage ``generate_signed_url(expiration=timedelta(...))`` (also
  ``datetime.now() + timedelta(...)``);
- Azure Storage ``generate_blob_sas``, ``generate_container_sas``, ``generate_account_sas``,
  ``generate_file_sas``, ``generate_share_sas``, ``generate_queue_sas`` with
  ``expiry=datetime.now(...) + timedelta(...)``.

Lifetimes are read through constant arithmetic (``7 * 24 * 3600``), names bound to constants,
``timedelta(days=..., hours=...)`` and ``.total_seconds()``. The finding points at the
lifetime.

## Why is this bad?
A presigned URL is a bearer credential: whoever holds the link can read (or upload) the
object until it expires, and links travel into e-mails, chat logs, browser histories and
proxies. S3 accepts up to seven days, Azure SAS tokens have no upper bound. The S3 console
caps presigned URLs at 12 hours, and AWS's guidance is to keep them as short as the use
allows; one day is the threshold here. Assistants set a week, or a year, "so the link keeps
working".

## Example
```python
import boto3

s3 = boto3.client("s3")


def share(key):
    return s3.generate_presigned_url(
        "get_object", Params={"Bucket": "acme-invoices", "Key": key}, ExpiresIn=7 * 24 * 3600
    )
```

## Use instead
```python
import boto3

s3 = boto3.client("s3")


def share(key):
    return s3.generate_presigned_url(
        "get_object", Params={"Bucket": "acme-invoices", "Key": key}, ExpiresIn=900
    )
```

## Known problems
Lifetimes read from configuration are not judged. A GCS ``expiration`` given as a number is
an absolute time for V2 signatures and is skipped. A presigned URL signed with temporary
credentials stops working when they expire, whatever ``ExpiresIn`` says; the finding is still
worth fixing because the code's intent is a long-lived link.

## Options
None beyond ``aisec-min-confidence``. The one-day threshold is fixed.

## References
- [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
- [Amazon S3: Sharing objects with presigned URLs, "Expiration time"](https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html)
- [Boto3: Presigned URLs](https://boto3.amazonaws.com/v1/documentation/api/latest/guide/s3-presigned-urls.html)
- [Google Cloud Storage: Signed URLs, maximum expiration of 7 days](https://cloud.google.com/storage/docs/access-control/signed-urls)
- [Azure Storage: Best practices when using SAS, "Use near-term expiration times"](https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview#best-practices-when-using-sas)
- [OWASP Top 10 2021 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
"""

from __future__ import annotations

import ast
import math
from typing import Iterator

from ..analysis.policies import aws_service, literal
from ..checks import Confidence, FileContext, Hit, hit, on

# One day: the S3 console's own cap is 12 hours, SDKs allow 7 days (links above).
MAX_SECONDS = 86_400
# boto3 method -> position of ExpiresIn (botocore.signers: generate_presigned_url(ClientMethod,
# Params, ExpiresIn, HttpMethod); generate_presigned_post(Bucket, Key, Fields, Conditions, ExpiresIn)).
AWS_METHODS = {"generate_presigned_url": 2, "generate_presigned_post": 4}
GCS_METHOD = "generate_signed_url"
AZURE_SAS = frozenset(
    {
        "generate_blob_sas", "generate_container_sas", "generate_account_sas", "generate_file_sas",
        "generate_share_sas", "generate_queue_sas", "generate_table_sas",
    }
)
# datetime.timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks).
_TIMEDELTA_UNITS = {"days": 86400, "seconds": 1, "microseconds": 1e-6, "milliseconds": 1e-3, "minutes": 60, "hours": 3600, "weeks": 604800}
_TIMEDELTA_ORDER = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")
_NOW = frozenset({"now", "utcnow", "today"})


def _number(ctx: FileContext, expr: ast.AST) -> float | None:
    """A finite numeric literal as a float (not ``1e999``, nor an int past float range)."""
    value = literal(ctx, expr).value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) else None
    return None


def _is_timedelta(ctx: FileContext, call: ast.Call) -> bool:
    qn = ctx.call_name(call) or ""
    return qn in ("datetime.timedelta", "pandas.Timedelta") or (
        qn == "" and isinstance(call.func, ast.Attribute) and call.func.attr == "timedelta"
    )


def seconds(ctx: FileContext, expr: ast.AST | None, *, offset: bool = False, depth: int = 0) -> float | None:
    """A duration in seconds written with constants, or None.

    With `offset`, the expression is a point in time: ``now() + timedelta(...)`` gives the
    timedelta's seconds; a bare number is not accepted.
    """
    if expr is None or depth > 12:
        return None
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return seconds(ctx, value, offset=offset, depth=depth + 1) if value is not None else None
    if isinstance(expr, ast.Call):
        func = expr.func
        if _is_timedelta(ctx, expr):
            total = 0.0
            for i, arg in enumerate(expr.args[: len(_TIMEDELTA_ORDER)]):
                n = _number(ctx, arg)
                if n is None:
                    return None
                total += n * _TIMEDELTA_UNITS[_TIMEDELTA_ORDER[i]]
            for kw in expr.keywords:
                unit = _TIMEDELTA_UNITS.get(kw.arg or "")
                n = _number(ctx, kw.value)
                if unit is None or n is None:
                    return None
                total += n * unit
            return total
        if isinstance(func, ast.Attribute) and func.attr == "total_seconds" and not expr.args:
            return seconds(ctx, func.value, depth=depth + 1)
        if ctx.call_name(expr) in ("builtins.int", "builtins.float") and len(expr.args) == 1:
            return seconds(ctx, expr.args[0], offset=offset, depth=depth + 1)
    if offset:
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            for now, delta in ((expr.left, expr.right), (expr.right, expr.left)):
                if _is_now(ctx, now):
                    return seconds(ctx, delta, depth=depth + 1)
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Sub, ast.Mult)):
        left = seconds(ctx, expr.left, depth=depth + 1)
        right = seconds(ctx, expr.right, depth=depth + 1)
        if left is None or right is None:
            return _number(ctx, expr)
        if isinstance(expr.op, ast.Add):
            return left + right
        if isinstance(expr.op, ast.Sub):
            return left - right
        return left * right if abs(left) < 1e12 and abs(right) < 1e12 else None
    return _number(ctx, expr)


def _is_now(ctx: FileContext, expr: ast.AST) -> bool:
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and value is not expr and _is_now(ctx, value)
    if not isinstance(expr, ast.Call):
        return False
    func = expr.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in _NOW


def describe(total: float) -> str:
    """``7 days``, ``36 hours``, ``90000 seconds``."""
    if total % 86400 == 0:
        days = int(total // 86400)
        return f"{days} day" + ("s" if days != 1 else "")
    if total % 3600 == 0:
        return f"{int(total // 3600)} hours"
    return f"{int(total)} seconds"


@on(ast.Call, callees=set(AWS_METHODS) | {GCS_METHOD} | AZURE_SAS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else (ctx.call_name(node) or "").rsplit(".", 1)[-1]
    lifetime: ast.AST | None = None
    if name in AWS_METHODS:
        if isinstance(func, ast.Attribute):
            service = aws_service(ctx, func.value)
            if service and service != "s3":
                return
        position = AWS_METHODS[name]
        lifetime = next((kw.value for kw in node.keywords if kw.arg == "ExpiresIn"), None)
        if lifetime is None and len(node.args) > position:
            lifetime = node.args[position]
        total = seconds(ctx, lifetime)
    else:
        # GCS expiration / Azure expiry: a point in time or (GCS) a timedelta; a bare number
        # is an absolute time for GCS V2 signatures and is not judged.
        lifetime = next((kw.value for kw in node.keywords if kw.arg in ("expiration", "expiry")), None)
        total = seconds(ctx, lifetime, offset=True)
    if lifetime is not None and total is not None and math.isfinite(total) and total > MAX_SECONDS:
        yield hit(lifetime, f"{name}()", describe(total), confidence=Confidence.HIGH)
