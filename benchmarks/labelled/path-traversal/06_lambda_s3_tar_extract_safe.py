# category: path-traversal
# label: safe
# source: Python docs: tarfile, Extraction filters (PEP 706) and the TarFile.extract() warning
# note: each member goes through tarfile's "data" filter, which raises OutsideDestinationError/AbsolutePathError instead of writing outside WORK_DIR.
import os
import tarfile

import boto3

s3 = boto3.client("s3")
WORK_DIR = "/tmp/build"


def handler(event, context):
    record = event["Records"][0]["s3"]
    bucket, key = record["bucket"]["name"], record["object"]["key"]
    local = os.path.join("/tmp", "bundle.tar.gz")
    s3.download_file(bucket, key, local)
    os.makedirs(WORK_DIR, exist_ok=True)
    extracted = []
    with tarfile.open(local) as tar:
        for member in tar.getmembers():
            if member.isfile():
                tar.extract(member, WORK_DIR, filter=tarfile.data_filter)
                extracted.append(member.name)
    return {"statusCode": 200, "extracted": len(extracted)}
