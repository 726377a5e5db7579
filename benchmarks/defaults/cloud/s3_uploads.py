import os
import uuid

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ.get("MEDIA_BUCKET", "acme-media")


def upload_avatar(user_id: int, data: bytes) -> str:
    key = f"avatars/{user_id}/{uuid.uuid4()}.png"
    s3.put_object(Bucket=BUCKET, Key=key, Body=data, ContentType="image/png", ACL="public-read")
    return f"https://{BUCKET}.s3.amazonaws.com/{key}"


def upload_invoice(customer_id: int, pdf: bytes) -> str:
    key = f"invoices/{customer_id}/{uuid.uuid4()}.pdf"
    s3.put_object(Bucket=BUCKET, Key=key, Body=pdf, ContentType="application/pdf", ACL="private")
    return key


def publish_report(path: str) -> None:
    s3.upload_file(path, BUCKET, f"reports/{os.path.basename(path)}", ExtraArgs={"ACL": "public-read"})


def archive_report(path: str) -> None:
    s3.upload_file(
        path,
        BUCKET,
        f"archive/{os.path.basename(path)}",
        ExtraArgs={"ContentType": "text/csv", "ServerSideEncryption": "aws:kms"},
    )


def share_invoice(key: str) -> str:
    return s3.generate_presigned_url(
        "get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=604800
    )


def download_link(key: str) -> str:
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=300)


def upload_form(key: str) -> dict:
    return s3.generate_presigned_post(BUCKET, key, ExpiresIn=7 * 24 * 3600)


def upload_form_short(key: str) -> dict:
    return s3.generate_presigned_post(BUCKET, key, ExpiresIn=900)
