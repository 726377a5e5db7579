import json
import warnings

import certifi
import urllib3
from urllib3.exceptions import InsecureRequestWarning

urllib3.disable_warnings(InsecureRequestWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

insecure_http = urllib3.PoolManager(cert_reqs="CERT_NONE")
http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())


def push_metrics(url: str, metrics: dict) -> int:
    body = json.dumps(metrics).encode()
    resp = insecure_http.request("POST", url, body=body, headers={"Content-Type": "application/json"})
    return resp.status


def push_metrics_verified(url: str, metrics: dict) -> int:
    body = json.dumps(metrics).encode()
    resp = http.request("POST", url, body=body, headers={"Content-Type": "application/json"})
    return resp.status
