import json

import boto3

iam = boto3.client("iam")


def grant_reader(role_name: str, bucket: str) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"arn:aws:s3:::{bucket}/*"},
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::{bucket}"},
        ],
    }
    iam.put_role_policy(RoleName=role_name, PolicyName="reader", PolicyDocument=json.dumps(policy))


def grant_inventory_describe(role_name: str) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:ListAllMyBuckets"], "Resource": "*"}],
    }
    iam.put_role_policy(RoleName=role_name, PolicyName="inventory", PolicyDocument=json.dumps(policy))


def grant_table_writer(user_name: str, table_arn: str) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["dynamodb:PutItem", "dynamodb:UpdateItem"], "Resource": table_arn}],
    }
    iam.put_user_policy(UserName=user_name, PolicyName="table-writer", PolicyDocument=json.dumps(policy))


def create_guardrail_policy() -> None:
    document = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Deny",
                "Action": "*",
                "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}},
            }
        ],
    }
    iam.create_policy(PolicyName="region-guardrail", PolicyDocument=json.dumps(document))


def create_lambda_role(role_name: str) -> None:
    iam.attach_role_policy(
        RoleName=role_name, PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    )
