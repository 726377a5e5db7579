"""AIS704 storage-encryption-disabled: cloud storage created with encryption at rest turned off.

## What it does
Flags an explicit ``False`` for encryption at rest when creating AWS storage with boto3:

- RDS and Aurora (also Neptune, DocumentDB): ``create_db_instance``, ``create_db_cluster``,
  ``restore_db_instance_from_s3``, ``restore_db_cluster_from_s3`` with
  ``StorageEncrypted=False``;
- EBS ``create_volume``, EFS ``create_file_system``, Redshift ``create_cluster`` with
  ``Encrypted=False``;
- ElastiCache ``create_replication_group(AtRestEncryptionEnabled=False)``;
- OpenSearch ``create_domain(EncryptionAtRestOptions={"Enabled": False})``;
- S3 ``delete_bucket_encryption`` (medium confidence): since January 2023 the bucket falls
  back to SSE-S3, so new objects are still encrypted, but the bucket's own configuration, a
  customer-managed KMS key and its key policy and audit trail included, is dropped.

The finding points at the ``False`` (or the delete call).

## Why is this bad?
Storage that is not encrypted at rest exposes its data in snapshots, backups, decommissioned
disks and any copy shared by mistake, and fails most compliance baselines. Encryption of an
RDS instance or EBS volume cannot be switched on later without copying the data, so a
``False`` at creation sticks.

## Example
```python
import boto3

rds = boto3.client("rds")
rds.create_db_instance(
    DBInstanceIdentifier="orders",
    Engine="postgres",
    DBInstanceClass="db.t3.micro",
    MasterUsername="orders",
    ManageMasterUserPassword=True,
    AllocatedStorage=20,
    StorageEncrypted=False,
)
```

## Use instead
```python
import boto3

rds = boto3.client("rds")
rds.create_db_instance(
    DBInstanceIdentifier="orders",
    Engine="postgres",
    DBInstanceClass="db.t3.micro",
    MasterUsername="orders",
    ManageMasterUserPassword=True,
    AllocatedStorage=20,
    StorageEncrypted=True,
)
```

## Known problems
Leaving the parameter out is not reported, although for RDS it means "not encrypted"
unless the account enforces encryption; only the explicit ``False`` is certain. EBS
encryption by default, when the account turns it on, overrides ``Encrypted=False``.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-311: Missing Encryption of Sensitive Data](https://cwe.mitre.org/data/definitions/311.html)
- [Amazon RDS: Encrypting Amazon RDS resources](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html)
- [Amazon EBS encryption](https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html)
- [Amazon S3 API: DeleteBucketEncryption (resets to SSE-S3)](https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketEncryption.html)
- [OWASP Top 10 2021 A02: Cryptographic Failures](https://owasp.org/Top10/A02_2021-Cryptographic_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import api_call_shape, aws_service, literal
from ..checks import Confidence, FileContext, Hit, hit, on

# Method -> (keyword, what): boto3 references for RDS, EC2, EFS, Redshift, ElastiCache.
FLAGS: dict[str, tuple[str, str]] = {
    "create_db_instance": ("StorageEncrypted", "database storage"),
    "create_db_cluster": ("StorageEncrypted", "database cluster storage"),
    "restore_db_instance_from_s3": ("StorageEncrypted", "database storage"),
    "restore_db_cluster_from_s3": ("StorageEncrypted", "database cluster storage"),
    "create_volume": ("Encrypted", "EBS volume"),
    "create_file_system": ("Encrypted", "EFS file system"),
    "create_cluster": ("Encrypted", "Redshift cluster"),
    "create_replication_group": ("AtRestEncryptionEnabled", "ElastiCache data"),
}
DOMAIN_METHODS = frozenset({"create_domain", "create_elasticsearch_domain"})


@on(ast.Call, callees=set(FLAGS) | DOMAIN_METHODS | {"delete_bucket_encryption"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not isinstance(func, ast.Attribute) or not api_call_shape(ctx, node):
        return
    name = func.attr
    if name == "delete_bucket_encryption":
        service = aws_service(ctx, func.value)
        if service in (None, "", "s3"):
            yield hit(node, "delete_bucket_encryption()", "the bucket's encryption configuration is dropped (S3 falls back to SSE-S3 keys)", confidence=Confidence.MEDIUM)
        return
    if name in DOMAIN_METHODS:
        for kw in node.keywords:
            if kw.arg == "EncryptionAtRestOptions":
                enabled = literal(ctx, kw.value).get("Enabled")
                if enabled is not None and enabled.value is False:
                    yield hit(enabled.node, f"{name}(EncryptionAtRestOptions={{'Enabled': False}})", "OpenSearch data is not encrypted at rest", confidence=Confidence.HIGH)
        return
    flag = FLAGS.get(name)
    if flag is None:  # a callee only an aisec-extra-sinks entry added to this check's table
        return
    keyword, what = flag
    for kw in node.keywords:
        if kw.arg == keyword:
            value = literal(ctx, kw.value)
            if value.value is False:
                yield hit(value.node, f"{name}({keyword}=False)", f"{what} is not encrypted at rest", confidence=Confidence.HIGH)
