"""Product images and exports in S3, with encryption of customer exports."""

import json
import os

import boto3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

s3 = boto3.client("s3")
iam = boto3.client("iam")

BUCKET = "shop-assets"
CDN_HOST = os.environ.get("SHOP_CDN_HOST", "cdn.shop.example.com")


def publish_image(path: str, name: str) -> str:
    # The bucket stays private; the CDN reads it through an origin access control.
    s3.upload_file(path, BUCKET, f"images/{name}", ExtraArgs={"ContentType": "image/png"})
    return f"https://{CDN_HOST}/images/{name}"


def create_worker_policy() -> str:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject"],
            "Resource": f"arn:aws:s3:::{BUCKET}/exports/*",
        }],
    }
    reply = iam.create_policy(PolicyName="shop-worker", PolicyDocument=json.dumps(policy))
    return reply["Policy"]["Arn"]


def encrypt_export(data: bytes) -> bytes:
    key = bytes.fromhex(os.environ["SHOP_EXPORT_KEY_HEX"])
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, b"shop-export")
