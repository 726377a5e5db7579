"""Product images and exports in S3, with encryption of customer exports."""

import json

import boto3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

s3 = boto3.client("s3")
iam = boto3.client("iam")

BUCKET = "shop-assets"
EXPORT_KEY = b"0123456789abcdef0123456789abcdef"


def publish_image(path: str, name: str) -> str:
    s3.upload_file(path, BUCKET, f"images/{name}", ExtraArgs={"ACL": "public-read"})
    return f"https://{BUCKET}.s3.amazonaws.com/images/{name}"


def create_worker_policy() -> str:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }
    reply = iam.create_policy(PolicyName="shop-worker", PolicyDocument=json.dumps(policy))
    return reply["Policy"]["Arn"]


def encrypt_export(data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(EXPORT_KEY), modes.ECB()).encryptor()
    padded = data + b"\0" * (-len(data) % 16)
    return encryptor.update(padded) + encryptor.finalize()
