# category: command-injection
# label: vulnerable
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3", Layer 2: Positive or allow-list input validation
# expect: 12
# note: The format query parameter is concatenated into an ffmpeg command run with shell=True.
import subprocess


def lambda_handler(event, context):
    fmt = (event.get("queryStringParameters") or {}).get("format", "mp3")
    out_path = "/tmp/output." + fmt
    rc = subprocess.call("ffmpeg -y -i /tmp/input.mp4 -vn " + out_path, shell=True)
    if rc != 0:
        return {"statusCode": 500, "body": "transcode failed"}
    return {"statusCode": 200, "body": out_path}
