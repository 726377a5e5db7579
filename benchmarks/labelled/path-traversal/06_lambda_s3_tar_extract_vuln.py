# category: path-traversal
# label: vulnerable
# source: Python docs: tarfile, Extraction filters (PEP 706) and the TarFile.extract() warning
# expect: 25
# note: the tarball named by the S3 event is extracted member by member without a filter, so a member called ../../var/task/handler.py is written outside WORK_DIR.
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
                tar.extract(member, WORK_DIR)
                extracted.append(member.name)
    return {"statusCode": 200, "extracted": len(extracted)}
