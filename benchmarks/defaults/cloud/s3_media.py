import os

import boto3

s3 = boto3.client("s3")
s3_resource = boto3.resource("s3")
BUCKET = os.environ["MEDIA_BUCKET"]
ALL_USERS = 'uri="http://acs.amazonaws.com/groups/global/AllUsers"'


def publish_photo(key: str) -> None:
    s3.put_object_acl(Bucket=BUCKET, Key=key, ACL="public-read")


def unpublish_photo(key: str) -> None:
    s3.put_object_acl(Bucket=BUCKET, Key=key, ACL="private")


def promote_draft(src_key: str, dest_key: str) -> None:
    s3.copy_object(Bucket=BUCKET, Key=dest_key, CopySource={"Bucket": BUCKET, "Key": src_key}, ACL="public-read")


def hand_over_to_partner(src_key: str, partner_bucket: str) -> None:
    s3.copy_object(
        Bucket=partner_bucket, Key=src_key, CopySource={"Bucket": BUCKET, "Key": src_key}, ACL="bucket-owner-full-control"
    )


def save_thumbnail(key: str, data: bytes) -> None:
    s3_resource.Object(BUCKET, key).put(Body=data, ContentType="image/webp", ACL="public-read")


def save_original(key: str, data: bytes) -> None:
    s3_resource.Object(BUCKET, key).put(Body=data, ContentType="image/jpeg")


def upload_video(fh, key: str) -> None:
    s3.upload_fileobj(fh, BUCKET, key, ExtraArgs={"ACL": "public-read", "ContentType": "video/mp4"})


def upload_private_video(fh, key: str) -> None:
    s3.upload_fileobj(fh, BUCKET, key, ExtraArgs={"ContentType": "video/mp4"})


def open_listing() -> None:
    s3.put_bucket_acl(Bucket=BUCKET, GrantRead=ALL_USERS)


def grant_reader(canonical_user_id: str) -> None:
    s3.put_bucket_acl(Bucket=BUCKET, GrantRead=f"id={canonical_user_id}")
