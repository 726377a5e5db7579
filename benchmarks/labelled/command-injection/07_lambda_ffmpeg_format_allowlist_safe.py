# category: command-injection
# label: safe
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3", Layer 2: Positive or allow-list input validation
# expect: none
# note: The format must be one of a fixed set of extensions (400 otherwise) before it is concatenated into the command.
import subprocess

ALLOWED_FORMATS = {"mp3", "ogg", "wav"}


def lambda_handler(event, context):
    fmt = (event.get("queryStringParameters") or {}).get("format", "mp3")
    if fmt not in ALLOWED_FORMATS:
        return {"statusCode": 400, "body": "unsupported format"}
    out_path = "/tmp/output." + fmt
    rc = subprocess.call("ffmpeg -y -i /tmp/input.mp4 -vn " + out_path, shell=True)
    if rc != 0:
        return {"statusCode": 500, "body": "transcode failed"}
    return {"statusCode": 200, "body": out_path}
