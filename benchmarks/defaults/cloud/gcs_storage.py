import datetime

from google.cloud import storage

client = storage.Client()


def publish_image(bucket_name: str, blob_name: str, data: bytes) -> str:
    blob = client.bucket(bucket_name).blob(blob_name)
    blob.upload_from_string(data, content_type="image/jpeg")
    blob.make_public()
    return blob.public_url


def open_bucket(bucket_name: str) -> None:
    bucket = client.bucket(bucket_name)
    bucket.make_public(recursive=True, future=True)


def grant_public_read(bucket_name: str) -> None:
    bucket = client.bucket(bucket_name)
    policy = bucket.get_iam_policy(requested_policy_version=3)
    policy.bindings.append({"role": "roles/storage.objectViewer", "members": {"allUsers"}})
    bucket.set_iam_policy(policy)


def grant_google_accounts(bucket_name: str) -> None:
    bucket = client.bucket(bucket_name)
    policy = bucket.get_iam_policy(requested_policy_version=3)
    policy.bindings.append({"role": "roles/storage.objectViewer", "members": {"allAuthenticatedUsers"}})
    bucket.set_iam_policy(policy)


def share_image(bucket_name: str, blob_name: str) -> str:
    blob = client.bucket(bucket_name).blob(blob_name)
    return blob.generate_signed_url(version="v4", expiration=datetime.timedelta(minutes=15), method="GET")


def grant_service_account(bucket_name: str, sa_email: str) -> None:
    bucket = client.bucket(bucket_name)
    policy = bucket.get_iam_policy(requested_policy_version=3)
    policy.bindings.append({"role": "roles/storage.objectViewer", "members": {f"serviceAccount:{sa_email}"}})
    bucket.set_iam_policy(policy)


def lock_bucket(bucket_name: str) -> None:
    bucket = client.bucket(bucket_name)
    bucket.iam_configuration.uniform_bucket_level_access_enabled = True
    bucket.iam_configuration.public_access_prevention = "enforced"
    bucket.patch()
    bucket.make_private(recursive=True)
