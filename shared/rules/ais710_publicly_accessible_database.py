"""AIS710 publicly-accessible-database: a managed database reachable from the internet.

## What it does
Flags managed databases created or changed to accept connections from the internet:

- ``PubliclyAccessible=True`` on RDS / Aurora ``create_db_instance``, ``modify_db_instance``,
  ``create_db_cluster``, ``modify_db_cluster``, ``create_db_instance_read_replica`` and the
  ``restore_db_instance_*`` / ``restore_db_cluster_*`` calls; on Redshift ``create_cluster``,
  ``modify_cluster``, ``restore_from_cluster_snapshot``; on DMS
  ``create_replication_instance`` / ``modify_replication_instance``; and
  ``publiclyAccessible=True`` on Redshift Serverless ``create_workgroup`` /
  ``update_workgroup``;
- Google Cloud SQL settings whose ``authorizedNetworks`` admit ``0.0.0.0/0``;
- Azure SQL / PostgreSQL / MySQL firewall rules from ``0.0.0.0`` to ``255.255.255.255``
  (``FirewallRule(start_ip_address=..., end_ip_address=...)``).

The finding points at the ``True`` (or the open address).

## Why is this bad?
A database with a public endpoint is one leaked or guessed password, or one unpatched
engine bug, away from a breach, and it is scanned continuously. Application databases belong
in private subnets, reached from the application's security group, a bastion or a private
link.

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
    StorageEncrypted=True,
    PubliclyAccessible=True,
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
    PubliclyAccessible=False,
    DBSubnetGroupName="orders-private",
)
```

## Known problems
Leaving ``PubliclyAccessible`` out is not reported: its default depends on the subnet group
(public when the default VPC is used). A value from configuration is not judged.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Amazon RDS: Hiding a DB instance in a VPC from the internet](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding)
- [AWS Security Hub: RDS.2, Redshift.1, DMS.1 (should not be publicly accessible)](https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html)
- [Google Cloud SQL: Authorized networks](https://cloud.google.com/sql/docs/mysql/authorize-networks)
- [Azure SQL Database: IP firewall rules](https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure)
- [OWASP Top 10 2021 A05: Security Misconfiguration](https://owasp.org/Top10/A05_2021-Security_Misconfiguration/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import api_call_shape, aws_service, keyword_value, literal
from ..checks import Confidence, FileContext, Hit, hit, on

# boto3 methods with PubliclyAccessible (RDS, Redshift, DMS API references) and their services.
AWS_METHODS = frozenset(
    {
        "create_db_instance", "modify_db_instance", "create_db_cluster", "modify_db_cluster",
        "create_db_instance_read_replica", "restore_db_instance_from_db_snapshot",
        "restore_db_instance_to_point_in_time", "restore_db_instance_from_s3",
        "restore_db_cluster_from_snapshot", "restore_db_cluster_to_point_in_time",
        "create_cluster", "modify_cluster", "restore_from_cluster_snapshot",
        "create_replication_instance", "modify_replication_instance",
        "create_workgroup", "update_workgroup",
    }
)
SERVICES = frozenset({"rds", "redshift", "dms", "redshift-serverless", "neptune", "docdb"})
AZURE_FIREWALL = frozenset({"FirewallRule", "create_or_update", "begin_create_or_update"})


@on(ast.Call, callees=AWS_METHODS | AZURE_FIREWALL)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else (ctx.call_name(node) or "").rsplit(".", 1)[-1]
    if name in AWS_METHODS:
        if not api_call_shape(ctx, node, capitalized=name not in ("create_workgroup", "update_workgroup")):
            return
        if isinstance(func, ast.Attribute):
            service = aws_service(ctx, func.value)
            if service and service not in SERVICES:
                return
        for kw in node.keywords:
            if kw.arg in ("PubliclyAccessible", "publiclyAccessible"):
                value = literal(ctx, kw.value)
                if value.value is True:
                    yield hit(value.node, f"{name}({kw.arg}=True)", "gives the database a public endpoint", confidence=Confidence.HIGH)
        return
    start = literal(ctx, keyword_value(node, "start_ip_address")).text()
    end_arg = keyword_value(node, "end_ip_address")
    end = literal(ctx, end_arg)
    if start == "0.0.0.0" and end.text() == "255.255.255.255" and end_arg is not None:
        yield hit(end.node, f"{name}(start_ip_address='0.0.0.0', end_ip_address='255.255.255.255')", "admits every address", confidence=Confidence.HIGH)


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    """Cloud SQL ``{"authorizedNetworks": [{"value": "0.0.0.0/0"}]}`` (sqladmin API)."""
    for key, value in zip(node.keys, node.values):
        if isinstance(key, ast.Constant) and key.value == "authorizedNetworks":
            networks = literal(ctx, value)
            if not isinstance(networks.value, list):
                continue
            for item in networks.value:
                cidr = item.get("value")
                if cidr is not None and cidr.text() in ("0.0.0.0/0", "::/0"):
                    yield hit(cidr.node, "authorizedNetworks", "admits every address", confidence=Confidence.HIGH)
