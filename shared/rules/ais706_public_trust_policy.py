"""AIS706 public-trust-policy: an IAM role that anyone, or any identity of a federated provider, can assume.

## What it does
Reads the trust policy given to ``create_role(AssumeRolePolicyDocument=...)``,
``update_assume_role_policy(PolicyDocument=...)`` and the resource form
``AssumeRolePolicy(...).update(PolicyDocument=...)`` (a dict literal, a name bound to one,
``json.dumps(...)`` or a JSON string) and flags an ``Allow`` statement without a
``Condition`` whose principal is:

- everyone: ``"Principal": "*"``, ``{"AWS": "*"}``, or a ``NotPrincipal``;
- a web-identity or SAML provider (``{"Federated": ...}`` with
  ``sts:AssumeRoleWithWebIdentity`` / ``sts:AssumeRoleWithSAML``): without a condition on
  the token's audience and subject, every identity of that provider qualifies, e.g. every
  GitHub Actions workflow of every repository for ``token.actions.githubusercontent.com``.

The finding points at the principal.

## Why is this bad?
A role is as powerful as its permissions; its trust policy decides who may take them. With a
wildcard principal and no condition, any AWS account in the world can call
``sts:AssumeRole`` and act as the role. An OIDC trust without ``sub`` / ``aud`` conditions
hands the role to anyone who can mint a token from the provider, which for public CI
services means anyone with a free account.

## Example
```python
import json

import boto3

iam = boto3.client("iam")
trust = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
}
iam.create_role(RoleName="partner-access", AssumeRolePolicyDocument=json.dumps(trust))
```

## Use instead
```python
import json

import boto3

iam = boto3.client("iam")
trust = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"sts:ExternalId": "partner-7f3a"}},
        }
    ],
}
iam.create_role(RoleName="partner-access", AssumeRolePolicyDocument=json.dumps(trust))
```

## Known problems
Any ``Condition`` counts as scoping the statement: a federated trust that checks only the
audience, not the subject, is not reported. A trust policy loaded from a file is not seen.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [AWS IAM: Principal element, "All principals" and the warning on role trust policies](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)
- [AWS IAM: Creating a role for OIDC federation, conditions on sub and aud](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html)
- [GitHub Docs: Configuring OpenID Connect in Amazon Web Services](https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services)
- [OWASP Non-Human Identities Top 10 2025, NHI6: Insecure Cloud Deployment Configurations](https://owasp.org/www-project-non-human-identities-top-10/2025/6-insecure-cloud-deployment-configurations/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.policies import (
    Statement,
    api_call_shape,
    aws_service,
    keyword_value,
    policy_statements,
    strings,
)
from ..checks import Confidence, FileContext, Hit, hit, on

FEDERATED_ACTIONS = frozenset({"sts:assumerolewithwebidentity", "sts:assumerolewithsaml"})


def _federated(stmt: Statement):
    """The Federated principal of a web-identity / SAML statement, if any."""
    p = stmt.principal
    if p is None or stmt.not_principal or not isinstance(p.value, dict):
        return None
    federated = p.value.get("Federated")
    if federated is None:
        return None
    actions = {str(a.value).lower() for a in stmt.actions if isinstance(a.value, str)}
    if actions & FEDERATED_ACTIONS or "sts:*" in actions or "*" in actions:
        items = strings(federated)
        return items[0] if items else federated
    return None


@on(ast.Call, callees={"create_role", "update_assume_role_policy", "update"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not isinstance(func, ast.Attribute) or not api_call_shape(ctx, node):
        return
    service = aws_service(ctx, func.value)
    if service and service != "iam":
        return
    key = "AssumeRolePolicyDocument" if func.attr == "create_role" else "PolicyDocument"
    document = keyword_value(node, key)
    if document is None:
        return
    for stmt in policy_statements(ctx, document) or ():
        if not stmt.allows or stmt.condition:
            continue
        star = stmt.public_principal()
        if star is not None:
            who = "everyone (NotPrincipal)" if stmt.not_principal else "any AWS principal ('*')"
            yield hit(star.node, f"{func.attr}()", who, confidence=Confidence.HIGH)
            continue
        provider = _federated(stmt)
        if provider is not None:
            name = provider.text() or "the federated provider"
            yield hit(provider.node, f"{func.attr}()", f"every identity of {name.rsplit('/', 1)[-1]}", confidence=Confidence.HIGH)
