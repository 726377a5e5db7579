"""Nightly maintenance for the analytics buckets."""
import os

import boto3

s3 = boto3.client("s3")
s3control = boto3.client("s3control")
ACCOUNT_ID = os.environ["AWS_ACCOUNT_ID"]
BUCKETS = ["acme-analytics-raw", "acme-analytics-curated"]


def drop_kms_encryption() -> None:
    for bucket in BUCKETS:
        s3.delete_bucket_encryption(Bucket=bucket, ExpectedBucketOwner=ACCOUNT_ID)


def reset_staging_bucket() -> None:
    s3.delete_bucket_encryption(Bucket=os.environ["STAGING_BUCKET"])
    s3.delete_bucket_lifecycle(Bucket=os.environ["STAGING_BUCKET"])


def allow_public_sharing() -> None:
    s3control.put_public_access_block(
        AccountId=ACCOUNT_ID,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": False,
            "IgnorePublicAcls": False,
            "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False,
        },
    )


def audit() -> list[dict]:
    report = []
    for bucket in BUCKETS:
        enc = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]
        pab = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        report.append({"bucket": bucket, "encryption": enc, "public_access_block": pab})
    account = s3control.get_public_access_block(AccountId=ACCOUNT_ID)
    report.append({"account": account["PublicAccessBlockConfiguration"]})
    return report
