"""AIS711 public-cloud-storage: a Google Cloud Storage or Azure Blob container or object made public.

## What it does
Flags the Google Cloud and Azure client-library calls that publish storage:

- Google Cloud Storage: ``blob.make_public()`` and ``bucket.make_public(...)``;
  ``acl.all().grant_read()`` (and ``all_authenticated()``, ``grant_write`` /
  ``grant_owner``) on bucket, blob and default-object ACLs; ``predefined_acl=`` /
  ``predefined_default_object_acl=`` ``"publicRead"``, ``"publicReadWrite"`` or
  ``"authenticatedRead"`` (uploads, ``create_bucket``, ``acl.save_predefined``);
- Google Cloud IAM: the members ``allUsers`` and ``allAuthenticatedUsers`` in a policy binding
  (``{"role": ..., "members": {"allUsers"}}``, ``members=[...]``,
  ``policy[role].add("allUsers")``, ``binding["members"].append(...)``, ``Policy.all_users()``);
- Azure Blob Storage: ``public_access="container"`` or ``"blob"`` (also
  ``PublicAccess.Container`` / ``PublicAccess.Blob``) in ``create_container``,
  ``set_container_access_policy`` and the management ``BlobContainer(...)``; and
  ``allow_blob_public_access=True`` on a storage account (medium: it allows public
  containers rather than creating one).

``make_public`` is reported with high confidence in files that import Google Cloud, low
elsewhere. The finding points at the public value (or the call).

## Why is this bad?
``allUsers`` is anyone on the internet; ``allAuthenticatedUsers`` is anyone with a Google
account, which is the same thing. A public Azure container lets anyone read (``blob``) or
also list (``container``) its blobs. Data published this way is indexed and scraped by
bucket-hunting tools; uploads, exports and backups end up there when a generated snippet
makes a link "just work".

## Example
```python
from google.cloud import storage

client = storage.Client()


def publish(bucket_name, name, data):
    blob = client.bucket(bucket_name).blob(name)
    blob.upload_from_string(data)
    blob.make_public()
    return blob.public_url
```

## Use instead
```python
import datetime

from google.cloud import storage

client = storage.Client()


def publish(bucket_name, name, data):
    blob = client.bucket(bucket_name).blob(name)
    blob.upload_from_string(data)
    return blob.generate_signed_url(version="v4", expiration=datetime.timedelta(minutes=15))
```

## Known problems
Buckets with uniform bucket-level access or public access prevention reject object ACLs, and
Azure accounts created since 2023 disallow public access by default; the finding still shows
the code's intent. A binding built from variables is reported only when the member string is
a literal somewhere in the expression. ``allUsers`` granted an invoker role
(``roles/run.invoker``, ``roles/cloudfunctions.invoker``) is how a public Cloud Run service or
function is published, and is not reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Google Cloud Storage: Making data public](https://cloud.google.com/storage/docs/access-control/making-data-public)
- [Google Cloud IAM: allUsers and allAuthenticatedUsers principals](https://cloud.google.com/iam/docs/principals-overview#all-users)
- [Google Cloud Storage: Public access prevention](https://cloud.google.com/storage/docs/public-access-prevention)
- [Azure Storage: Configure anonymous read access for containers and blobs](https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure)
- [OWASP Top 10 2021 A01: Broken Access Control](https://owasp.org/Top10/A01_2021-Broken_Access_Control/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import Lit, keyword_value, literal, walk_strings
from ..checks import Confidence, FileContext, Hit, hit, on

# IAM principal identifiers: https://cloud.google.com/iam/docs/principals-overview
PUBLIC_MEMBERS = {"allUsers": "anyone", "allAuthenticatedUsers": "anyone with a Google account"}
# GCS predefined ACLs: https://cloud.google.com/storage/docs/access-control/lists#predefined-acl
PUBLIC_PREDEFINED = {
    "publicread": "readable by anyone",
    "publicreadwrite": "readable and writable by anyone",
    "authenticatedread": "readable by anyone with a Google account",
    "public-read": "readable by anyone",
    "public-read-write": "readable and writable by anyone",
    "authenticated-read": "readable by anyone with a Google account",
}
# Azure PublicAccess values: azure.storage.blob.PublicAccess, azure.mgmt.storage PublicAccess.
AZURE_PUBLIC = {"container": "listable and readable by anyone", "blob": "readable by anyone"}
AZURE_CALLS = frozenset(
    {"create_container", "set_container_access_policy", "BlobContainer", "create", "update", "begin_create",
     "StorageAccountCreateParameters", "StorageAccountUpdateParameters"}
)
GRANTS = frozenset({"grant_read", "grant_write", "grant_owner", "grant"})
ACL_ALL = {"all": "anyone", "all_authenticated": "anyone with a Google account"}
PREDEFINED_KEYWORDS = ("predefined_acl", "predefined_default_object_acl")
PREDEFINED_CALLS = frozenset(
    {"upload_from_filename", "upload_from_file", "upload_from_string", "create", "create_bucket", "patch",
     "update", "compose", "copy_blob", "rewrite", "save_predefined", "make_private"}
)
MEMBER_ADDERS = frozenset({"add", "append", "extend", "update", "Binding"})
GOOGLE = ("google", "gcloud")


def _member(lit: Lit) -> tuple[Lit, str] | None:
    for item in walk_strings(lit):
        who = PUBLIC_MEMBERS.get(str(item.value))
        if who:
            return item, who
    return None


def _policy_helper(expr: ast.AST) -> str | None:
    """``Policy.all_users()`` / ``all_authenticated_users()`` (google.api_core.iam)."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        if expr.func.attr == "all_users":
            return "anyone"
        if expr.func.attr == "all_authenticated_users":
            return "anyone with a Google account"
    return None


def _azure_public(ctx: FileContext, expr: ast.AST) -> tuple[ast.AST, str] | None:
    if isinstance(expr, ast.Attribute):
        who = AZURE_PUBLIC.get(expr.attr.lower())
        base = expr.value
        base_name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
        if who and base_name == "PublicAccess":
            return expr, who
        return None
    lit = literal(ctx, expr)
    text = lit.text()
    who = AZURE_PUBLIC.get(text.lower()) if text else None
    return (lit.node, who) if who else None


@on(ast.Call, callees={"make_public"} | GRANTS | AZURE_CALLS | PREDEFINED_CALLS | MEMBER_ADDERS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else (ctx.call_name(node) or "").rsplit(".", 1)[-1]
    if name == "make_public" and isinstance(func, ast.Attribute):
        confidence = Confidence.HIGH if ctx.imports_any(GOOGLE) else Confidence.LOW
        yield hit(node, "make_public()", "the bucket or object readable by anyone", confidence=confidence)
        return
    if name in GRANTS and isinstance(func, ast.Attribute):
        entity = func.value
        if isinstance(entity, ast.Call) and isinstance(entity.func, ast.Attribute) and entity.func.attr in ACL_ALL:
            holder = entity.func.value
            holder_name = holder.attr if isinstance(holder, ast.Attribute) else getattr(holder, "id", "")
            if "acl" in holder_name.lower():
                who = ACL_ALL[entity.func.attr]
                yield hit(node, f"acl.{entity.func.attr}().{name}()", f"the bucket or object open to {who}", confidence=Confidence.HIGH)
        return
    for kw in node.keywords:
        if kw.arg in PREDEFINED_KEYWORDS:
            lit = literal(ctx, kw.value)
            text = lit.text()
            who = PUBLIC_PREDEFINED.get(text.lower()) if text else None
            if who:
                yield hit(lit.node, f"{name}({kw.arg}={text!r})", f"the bucket or object {who}", confidence=Confidence.HIGH)
        elif kw.arg == "public_access":
            found = _azure_public(ctx, kw.value)
            if found:
                yield hit(found[0], f"{name}(public_access=...)", f"the container {found[1]}", confidence=Confidence.HIGH)
        elif kw.arg == "allow_blob_public_access":
            lit = literal(ctx, kw.value)
            if lit.value is True:
                yield hit(lit.node, f"{name}(allow_blob_public_access=True)", "the storage account accept public containers", confidence=Confidence.MEDIUM)
        elif kw.arg == "members" and not _invoker_role(ctx, keyword_value(node, "role")):
            found = _member(literal(ctx, kw.value))
            if found:
                yield hit(found[0].node, f"{name}(members=...)", f"the resource open to {found[1]}", confidence=Confidence.HIGH)
    if name == "save_predefined" and node.args:
        lit = literal(ctx, node.args[0])
        text = lit.text()
        who = PUBLIC_PREDEFINED.get(text.lower()) if text else None
        if who:
            yield hit(lit.node, f"save_predefined({text!r})", f"the bucket or object {who}", confidence=Confidence.HIGH)
    if name in MEMBER_ADDERS and isinstance(func, ast.Attribute) and _members_container(func.value):
        found = []  # the public members first: the role of ``policy[role]`` is read only for them
        for arg in node.args:
            who = _policy_helper(arg)
            if who:
                found.append(hit(arg, f"{name}()", f"the resource open to {who}", confidence=Confidence.HIGH))
                continue
            lit = literal(ctx, arg)
            if isinstance(lit.value, str):
                who = PUBLIC_MEMBERS.get(lit.value)
                if who:
                    found.append(hit(lit.node, f"{name}()", f"the resource open to {who}", confidence=Confidence.HIGH))
        if found and not (isinstance(func.value, ast.Subscript) and _invoker_role(ctx, func.value.slice)):
            yield from found


def _invoker_role(ctx: FileContext, role: ast.AST | None) -> bool:
    """``roles/run.invoker``, ``roles/cloudfunctions.invoker``: a public web service, on purpose."""
    text = literal(ctx, role).text() if role is not None else None
    return bool(text) and "invoker" in text.lower()  # type: ignore[union-attr]


def _members_container(expr: ast.AST) -> bool:
    """``policy[role]``, ``binding["members"]``, ``policy.viewers``: where IAM members go."""
    if isinstance(expr, ast.Subscript):
        return True
    if isinstance(expr, ast.Attribute):
        return expr.attr in ("members", "viewers", "editors", "owners")
    return isinstance(expr, ast.Name) and expr.id in ("members",)


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    """A binding literal: ``{"role": "roles/...", "members": [..., "allUsers"]}``."""
    members = role = None  # the last value of each key, as a dict of the constant keys keeps
    for k, v in zip(node.keys, node.values):
        if isinstance(k, ast.Constant) and k.value.__class__ is str:
            if k.value == "members":
                members = v
            elif k.value == "role":
                role = v
    if members is None or role is None or _invoker_role(ctx, role):
        return
    found = _member(literal(ctx, members))
    if found:
        yield hit(found[0].node, "an IAM binding", f"the resource open to {found[1]}", confidence=Confidence.HIGH)
