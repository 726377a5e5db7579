import json

import boto3

iam = boto3.client("iam")

LAMBDA_TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}


def create_function_role(name: str, log_group_arn: str, key_arn: str) -> str:
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST))
    iam.put_role_policy(
        RoleName=name,
        PolicyName="logs",
        PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": log_group_arn},
                {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key_arn},
            ],
        }),
    )
    return role["Role"]["Arn"]


def create_etl_role(name: str) -> str:
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST))
    iam.put_role_policy(
        RoleName=name,
        PolicyName="etl",
        PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["logs:*", "s3:*", "glue:*"], "Resource": "*"}],
        }),
    )
    return role["Role"]["Arn"]
