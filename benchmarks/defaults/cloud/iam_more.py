import json

import boto3

iam = boto3.client("iam")


def grant_uploader(user_name: str) -> None:
    iam.put_user_policy(
        UserName=user_name,
        PolicyName="uploader",
        PolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}',
    )


def grant_downloader(user_name: str, bucket: str) -> None:
    iam.put_user_policy(
        UserName=user_name,
        PolicyName="downloader",
        PolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", '
        '"Resource": "arn:aws:s3:::' + bucket + '/*"}]}',
    )


def create_power_user_policy() -> None:
    document = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}],
    }
    iam.create_policy(PolicyName="power-user", PolicyDocument=json.dumps(document))


def create_queue_policy(queue_arn: str) -> None:
    document = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": queue_arn}],
    }
    iam.create_policy(PolicyName="queue-sender", PolicyDocument=json.dumps(document))


def create_whoami_policy() -> None:
    document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"}]}
    iam.create_policy(PolicyName="whoami", PolicyDocument=json.dumps(document))


def widen_policy(policy_arn: str) -> None:
    document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    iam.create_policy_version(PolicyArn=policy_arn, PolicyDocument=json.dumps(document), SetAsDefault=True)
