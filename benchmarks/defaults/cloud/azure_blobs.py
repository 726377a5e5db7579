import datetime
import os

from azure.identity import DefaultAzureCredential
from azure.storage.blob import BlobSasPermissions, BlobServiceClient, PublicAccess, generate_blob_sas

ACCOUNT_URL = os.environ["AZURE_STORAGE_ACCOUNT_URL"]
service = BlobServiceClient(account_url=ACCOUNT_URL, credential=DefaultAzureCredential())


def create_media_container() -> None:
    service.create_container("media", public_access="container")


def create_thumbnails_container() -> None:
    container = service.get_container_client("thumbnails")
    container.create_container(public_access="blob")


def open_downloads() -> None:
    container = service.get_container_client("downloads")
    container.set_container_access_policy(signed_identifiers={}, public_access=PublicAccess.CONTAINER)


def create_reports_container() -> None:
    service.create_container("reports")


def close_downloads() -> None:
    container = service.get_container_client("downloads")
    container.set_container_access_policy(signed_identifiers={}, public_access=None)


def report_link(blob_name: str, account_key: str) -> str:
    sas = generate_blob_sas(
        account_name=service.account_name,
        container_name="reports",
        blob_name=blob_name,
        account_key=account_key,
        permission=BlobSasPermissions(read=True),
        expiry=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=30),
    )
    return f"{ACCOUNT_URL}/reports/{blob_name}?{sas}"


def create_private_container() -> None:
    service.create_container("invoices", public_access=PublicAccess.OFF)
