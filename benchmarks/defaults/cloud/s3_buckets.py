import boto3

s3 = boto3.client("s3", region_name="eu-west-1")
LOCATION = {"LocationConstraint": "eu-west-1"}


def create_public_assets_bucket(name: str) -> None:
    s3.create_bucket(Bucket=name, ACL="public-read-write", CreateBucketConfiguration=LOCATION)


def create_private_bucket(name: str) -> None:
    s3.create_bucket(Bucket=name, ACL="private", CreateBucketConfiguration=LOCATION)


def share_with_aws_users(name: str) -> None:
    s3.put_bucket_acl(Bucket=name, ACL="authenticated-read")


def lock_down_acl(name: str) -> None:
    s3.put_bucket_acl(Bucket=name, ACL="private")


def open_bucket(name: str) -> None:
    s3.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": False,
            "IgnorePublicAcls": False,
            "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False,
        },
    )


def harden_bucket(name: str) -> None:
    s3.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    s3.put_bucket_encryption(
        Bucket=name,
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]
        },
    )


def reset_bucket(name: str) -> None:
    s3.delete_public_access_block(Bucket=name)
    s3.delete_bucket_encryption(Bucket=name)
    s3.delete_bucket_cors(Bucket=name)
