"""AIS701 public-bucket-acl: an S3 bucket or object given a public canned ACL or a grant to everyone.

## What it does
Flags S3 calls that make a bucket or object readable (or writable) by anyone:

- the canned ACLs ``public-read``, ``public-read-write`` and ``authenticated-read`` in
  ``ACL=`` of ``put_object``, ``create_bucket``, ``put_bucket_acl``, ``put_object_acl``,
  ``copy_object``, ``create_multipart_upload`` and the resource methods ``Object.put``,
  ``Bucket.put_object``, ``Bucket.create``, ``Object.copy_from``, ``BucketAcl.put``,
  ``ObjectAcl.put``; and in ``ExtraArgs={"ACL": ...}`` of ``upload_file``,
  ``upload_fileobj`` and ``copy``;
- grants to the ``AllUsers`` or ``AuthenticatedUsers`` groups
  (``GrantRead='uri="http://acs.amazonaws.com/groups/global/AllUsers"'``, the same in
  ``ExtraArgs`` or in an ``AccessControlPolicy`` grant);
- django-storages: ``AWS_DEFAULT_ACL = "public-read"`` and ``default_acl = "public-read"``
  in a storage class or ``S3Boto3Storage(default_acl=...)`` (low confidence for a storage
  class named for static files, which are meant to be public).

The finding points at the ACL value. A call on a boto3 client or resource of another service
is skipped; a call on an object the linter cannot trace is judged by its S3 parameters.

## Why is this bad?
``authenticated-read`` is not "our users": it means any AWS account in the world. A public
ACL publishes every object it covers, often uploads, backups or exports that were meant to be
private; ``public-read-write`` also lets anyone upload or overwrite. Assistants add
``ACL="public-read"`` so that a generated link "just works".

## Example
```python
import boto3

s3 = boto3.client("s3")


def publish(path, key):
    s3.upload_file(path, "acme-uploads", key, ExtraArgs={"ACL": "public-read"})
```

## Use instead
```python
import boto3

s3 = boto3.client("s3")


def publish(path, key):
    s3.upload_file(path, "acme-uploads", key)
    return s3.generate_presigned_url(
        "get_object", Params={"Bucket": "acme-uploads", "Key": key}, ExpiresIn=900
    )
```

## Known problems
Buckets created since April 2023 have ACLs disabled (Object Ownership "bucket owner
enforced") and reject these calls; the finding still shows the code's intent and breaks on
older buckets. An ACL chosen at run time (a variable) is not judged. Public website buckets
are public on purpose: suppress the line with a justification.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Amazon S3: Access control list (ACL) overview, canned ACL](https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl)
- [Amazon S3: Blocking public access to your storage](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)
- [Boto3: Uploading files, the ExtraArgs parameter](https://boto3.amazonaws.com/v1/documentation/api/latest/guide/s3-uploading-files.html#the-extraargs-parameter)
- [django-storages: Amazon S3, AWS_DEFAULT_ACL](https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html)
- [OWASP Top 10 2021 A01: Broken Access Control](https://owasp.org/Top10/A01_2021-Broken_Access_Control/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import Lit, api_call_shape, aws_service, keyword_value, literal, walk_strings
from ..checks import Confidence, FileContext, Hit, hit, on

# Canned ACLs that open data to others: Amazon S3 User Guide, "Canned ACL".
PUBLIC_ACLS = {
    "public-read": "readable by anyone",
    "public-read-write": "readable and writable by anyone",
    "authenticated-read": "readable by every AWS account",
}
# The predefined groups of the S3 ACL grantee URIs (same page, "Amazon S3 predefined groups").
PUBLIC_GROUPS = {
    "acs.amazonaws.com/groups/global/AllUsers": "anyone",
    "acs.amazonaws.com/groups/global/AuthenticatedUsers": "every AWS account",
}
GRANT_KEYS = ("GrantRead", "GrantReadACP", "GrantWrite", "GrantWriteACP", "GrantFullControl")
# Client and resource methods that take ACL= / Grant*= / AccessControlPolicy=.
ACL_METHODS = frozenset(
    {
        "put_object", "create_bucket", "put_bucket_acl", "put_object_acl", "copy_object",
        "create_multipart_upload", "put", "create", "copy_from", "initiate_multipart_upload",
    }
)
# Transfer-manager methods that take ExtraArgs={...}.
EXTRA_ARGS_METHODS = frozenset({"upload_file", "upload_fileobj", "copy"})
STORAGE_CLASSES = frozenset({"S3Boto3Storage", "S3Storage", "S3StaticStorage", "S3ManifestStaticStorage"})


def _public_acl(lit: Lit | None) -> str | None:
    text = lit.text() if lit is not None else None
    return PUBLIC_ACLS.get(text.strip().lower()) if text else None


def _public_group(lit: Lit) -> str | None:
    for item in walk_strings(lit):
        text = item.value
        for uri, who in PUBLIC_GROUPS.items():
            if uri in text:  # type: ignore[operator]
                return who
    return None


def _grant_hits(values: dict[str, Lit], where: str) -> Iterator[tuple[Lit, str, str]]:
    acl = values.get("ACL")
    who = _public_acl(acl)
    if acl is not None and who:
        yield acl, f"{where}ACL={acl.value!r}", who
    for key in GRANT_KEYS:
        grant = values.get(key)
        if grant is not None:
            group = _public_group(grant)
            if group:
                yield grant, f"{where}{key}", f"open to {group}"
    policy = values.get("AccessControlPolicy")
    if policy is not None:
        group = _public_group(policy)
        if group:
            yield policy, f"{where}AccessControlPolicy", f"open to {group}"


def _other_service(ctx: FileContext, call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    service = aws_service(ctx, call.func.value)
    return bool(service) and service not in ("s3", "s3control")


_ACL_KEYWORDS = frozenset({"ACL", "AccessControlPolicy", *GRANT_KEYS})


@on(ast.Call, callees=ACL_METHODS | EXTRA_ARGS_METHODS | STORAGE_CLASSES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else (ctx.call_name(node) or "").rsplit(".", 1)[-1]
    if name in STORAGE_CLASSES:
        acl = keyword_value(node, "default_acl")
        lit = literal(ctx, acl) if acl is not None else None
        who = _public_acl(lit)
        if lit is not None and who:
            yield hit(lit.node, f"{name}(default_acl={lit.value!r})", who, confidence=Confidence.MEDIUM)
        return
    acl_keywords = name in ACL_METHODS and any(kw.arg in _ACL_KEYWORDS for kw in node.keywords)
    extra_args = name in EXTRA_ARGS_METHODS and keyword_value(node, "ExtraArgs") is not None
    if not (acl_keywords or extra_args) or _other_service(ctx, node):
        return  # cheap test first: resolving the receiver's service is not
    if acl_keywords and api_call_shape(ctx, node):
        for kw in node.keywords:
            if kw.arg in _ACL_KEYWORDS:
                for lit, what, who in _grant_hits({kw.arg: literal(ctx, kw.value)}, ""):
                    yield hit(lit.node, f"{name}({what})", who, confidence=Confidence.HIGH)
    if extra_args:
        extra = keyword_value(node, "ExtraArgs")
        lit = literal(ctx, extra) if extra is not None else None
        if extra is not None and lit is not None and isinstance(lit.value, dict):
            for found, what, who in _grant_hits(lit.value, "ExtraArgs "):
                yield hit(found.node, f"{name}({what})", who, confidence=Confidence.HIGH)


def _static_storage(cls: ast.ClassDef | None) -> bool:
    return cls is not None and "static" in cls.name.lower()


def _storage_class(ctx: FileContext, cls: ast.ClassDef | None) -> bool:
    if cls is None:
        return False
    for base in cls.bases:
        qn = ctx.qualname(base) or (base.id if isinstance(base, ast.Name) else getattr(base, "attr", ""))
        if qn.rsplit(".", 1)[-1] in STORAGE_CLASSES or qn.endswith("Storage"):
            return True
    return False


@on(ast.Assign, names={"AWS_DEFAULT_ACL", "default_acl"})
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    if not isinstance(node.value, ast.Constant):
        return
    who = _public_acl(Lit(node.value.value, node.value))
    if not who:
        return
    for target in node.targets:
        if not isinstance(target, ast.Name):
            continue
        if target.id == "AWS_DEFAULT_ACL" and ctx.scope_of(node) is ctx.tree:
            yield hit(node.value, f"AWS_DEFAULT_ACL = {node.value.value!r}", who, confidence=Confidence.MEDIUM)
        elif target.id == "default_acl":
            cls = ctx.scope_of(node)
            if isinstance(cls, ast.ClassDef) and _storage_class(ctx, cls):
                confidence = Confidence.LOW if _static_storage(cls) else Confidence.MEDIUM
                yield hit(node.value, f"{cls.name}.default_acl = {node.value.value!r}", who, confidence=confidence)
