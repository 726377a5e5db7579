import json

import boto3

iam = boto3.client("iam")


def create_app_policy(name: str) -> str:
    document = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }
    resp = iam.create_policy(PolicyName=name, PolicyDocument=json.dumps(document))
    return resp["Policy"]["Arn"]


def grant_worker_s3(role_name: str) -> None:
    iam.put_role_policy(
        RoleName=role_name,
        PolicyName="worker-s3",
        PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
        }),
    )


def grant_importer(user_name: str) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": ["dynamodb:PutItem", "dynamodb:DeleteItem"], "Resource": "*"}
        ],
    }
    iam.put_user_policy(UserName=user_name, PolicyName="importer", PolicyDocument=json.dumps(policy))


def create_ops_policy() -> None:
    iam.create_policy(
        PolicyName="ops-admin",
        PolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}',
    )


def create_admin_role(role_name: str, trust: dict) -> None:
    iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(trust))
    iam.attach_role_policy(RoleName=role_name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
