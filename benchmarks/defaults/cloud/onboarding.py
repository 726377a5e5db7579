import boto3

iam = boto3.client("iam")
sts = boto3.client("sts")
s3 = boto3.client("s3")


def provision_service_user(username: str) -> dict:
    iam.create_user(UserName=username, Tags=[{"Key": "team", "Value": "data"}])
    keys = iam.create_access_key(UserName=username)
    return {
        "aws_access_key_id": keys["AccessKey"]["AccessKeyId"],
        "aws_secret_access_key": keys["AccessKey"]["SecretAccessKey"],
    }


def rotate_keys(username: str) -> dict:
    for key in iam.list_access_keys(UserName=username)["AccessKeyMetadata"]:
        iam.update_access_key(UserName=username, AccessKeyId=key["AccessKeyId"], Status="Inactive")
        iam.delete_access_key(UserName=username, AccessKeyId=key["AccessKeyId"])
    return iam.create_access_key(UserName=username)["AccessKey"]


def my_new_key() -> dict:
    return iam.create_access_key()["AccessKey"]


def temporary_credentials(role_arn: str) -> dict:
    resp = sts.assume_role(RoleArn=role_arn, RoleSessionName="onboarding", DurationSeconds=900)
    return resp["Credentials"]


def session_for(role_arn: str) -> boto3.Session:
    creds = temporary_credentials(role_arn)
    return boto3.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )


def welcome_pack_link(bucket: str, key: str) -> str:
    return s3.generate_presigned_url(
        ClientMethod="get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=60 * 60 * 24 * 7
    )


def welcome_pack_link_short(bucket: str, key: str) -> str:
    link_ttl = 600
    return s3.generate_presigned_url(
        ClientMethod="get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=link_ttl
    )
