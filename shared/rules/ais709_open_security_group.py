"""AIS709 open-security-group: a security group open to the whole internet on an administrative or database port.

## What it does
Flags EC2 ``authorize_security_group_ingress(...)`` and the resource form
``SecurityGroup.authorize_ingress(...)`` when a rule admits ``0.0.0.0/0`` or ``::/0`` on:

- a remote administration port: SSH 22, Telnet 23, FTP 20-21, RDP 3389, VNC 5900, SMB 445,
  RPC / NetBIOS 135 and 139;
- a database, cache or cluster port: MySQL 3306, PostgreSQL 5432, SQL Server 1433-1434,
  Oracle 1521, Redis 6379, MongoDB 27017, Elasticsearch / OpenSearch 9200 and 9300, Kibana
  5601, CouchDB 5984, Memcached 11211, Cassandra 9042, etcd 2379-2380, the Docker daemon 2375
  and 2376, the Kubernetes API 6443 and kubelet 10250;
- every port (``IpProtocol="-1"``, or a range that covers one of the above, such as 0-65535).

Both forms are read: ``IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
"IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}]`` and the
older ``CidrIp="0.0.0.0/0", IpProtocol=..., FromPort=..., ToPort=...`` keywords. Web ports
(80, 443) and ICMP from anywhere are not reported. The finding points at the CIDR.

## Why is this bad?
Internet-wide scanners find an open SSH, RDP, database or Docker port within minutes and try
stolen passwords, default credentials and known exploits against it. Administrative and data
ports belong behind a VPN, a bastion, Session Manager or a security-group reference, never
on ``0.0.0.0/0``.

## Example
```python
import boto3

ec2 = boto3.client("ec2")
ec2.authorize_security_group_ingress(
    GroupId="sg-0123456789abcdef0",
    IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    ],
)
```

## Use instead
```python
import boto3

ec2 = boto3.client("ec2")
ec2.authorize_security_group_ingress(
    GroupId="sg-0123456789abcdef0",
    IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "203.0.113.0/24"}]},
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    ],
)
```

## Known problems
Rules whose ports or CIDR come from variables are judged only when the variables are bound
to constants in the same file. Other wide ranges (``0.0.0.0/1``) are not reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [AWS Security Hub: EC2.13, EC2.14, EC2.19 (unrestricted access to high-risk ports)](https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html)
- [Amazon EC2: Security group rules for different use cases](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)
- [Boto3: EC2.Client.authorize_security_group_ingress](https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/ec2/client/authorize_security_group_ingress.html)
- [OWASP Top 10 2021 A05: Security Misconfiguration](https://owasp.org/Top10/A05_2021-Security_Misconfiguration/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import Lit, api_call_shape, aws_service, literal
from ..checks import Confidence, FileContext, Hit, hit, on

# High-risk ports: AWS Security Hub EC2.19's list trimmed to administration and data
# services, plus databases and daemons it leaves out (Redis, MongoDB, Memcached, Docker ...).
ADMIN_PORTS = {
    20: "FTP", 21: "FTP", 22: "SSH", 23: "Telnet", 135: "RPC", 139: "NetBIOS", 445: "SMB",
    1433: "SQL Server", 1434: "SQL Server", 1521: "Oracle", 2375: "Docker", 2376: "Docker",
    2379: "etcd", 2380: "etcd", 3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL", 5601: "Kibana",
    5900: "VNC", 5984: "CouchDB", 6379: "Redis", 6443: "Kubernetes API", 9042: "Cassandra",
    9200: "Elasticsearch", 9300: "Elasticsearch", 10250: "kubelet", 11211: "Memcached",
    27017: "MongoDB",
}
ANYWHERE = frozenset({"0.0.0.0/0", "::/0"})
ALL_PROTOCOLS = frozenset({"-1", "all"})
ICMP = frozenset({"icmp", "icmpv6", "1", "58"})


def _port(lit: Lit | None) -> int | None:
    if lit is None:
        return None
    value = lit.value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def exposed(protocol: Lit | None, from_port: Lit | None, to_port: Lit | None) -> str | None:
    """What an ingress rule opens: ``"all ports"``, ``"port 22 (SSH)"``, or None."""
    proto = str(protocol.value).lower() if protocol is not None and protocol.known else None
    if proto in ALL_PROTOCOLS:
        return "all ports"
    if proto in ICMP:
        return None
    low, high = _port(from_port), _port(to_port)
    if low is None and high is None:
        return None
    low = high if low is None else low
    high = low if high is None else high
    if low in (-1, 0) and high in (-1, 65535):
        return "all ports"
    hits = [p for p in ADMIN_PORTS if low <= p <= high]  # type: ignore[operator]
    if not hits:
        return None
    first = min(hits)
    label = f"port {first} ({ADMIN_PORTS[first]})"
    return label if len(hits) == 1 else f"ports {low}-{high}, including {label}"


def _anywhere(ranges: Lit | None, key: str) -> Lit | None:
    if ranges is None or not isinstance(ranges.value, list):
        return None
    for item in ranges.value:
        cidr = item.get(key)
        if cidr is not None and cidr.text() in ANYWHERE:
            return cidr
    return None


@on(ast.Call, callees={"authorize_security_group_ingress", "authorize_ingress"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not isinstance(func, ast.Attribute) or not api_call_shape(ctx, node):
        return
    service = aws_service(ctx, func.value)
    if service and service != "ec2":
        return
    kws = {kw.arg: kw.value for kw in node.keywords if kw.arg}
    cidr = kws.get("CidrIp")
    if cidr is not None:
        lit = literal(ctx, cidr)
        if lit.text() in ANYWHERE:
            what = exposed(*(literal(ctx, kws[k]) if k in kws else None for k in ("IpProtocol", "FromPort", "ToPort")))
            if what:
                yield hit(lit.node, f"{func.attr}()", what, confidence=Confidence.HIGH)
    permissions_arg = kws.get("IpPermissions")
    permissions = literal(ctx, permissions_arg)
    if not isinstance(permissions.value, list):
        return
    for rule in permissions.value:
        if not isinstance(rule.value, dict):
            continue
        open_cidr = _anywhere(rule.get("IpRanges"), "CidrIp") or _anywhere(rule.get("Ipv6Ranges"), "CidrIpv6")
        if open_cidr is None:
            continue
        what = exposed(rule.get("IpProtocol"), rule.get("FromPort"), rule.get("ToPort"))
        if what:
            yield hit(open_cidr.node, f"{func.attr}()", what, confidence=Confidence.HIGH)
