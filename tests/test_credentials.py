"""The credential catalogue (AIS102): every row has a positive, near-miss negatives, a
source, and a regex that stays linear on 100 kB adversarial input.

No credential is written here in full: positives are assembled at test time from a seeded
random body (and, for GitHub, a checksum computed in this file, independently of the code
under test), so nothing committed trips secret scanning or push protection.
"""

from __future__ import annotations

import base64
import json
import random
import time
import zlib

import pytest

from aisec_shared.analysis.credentials import BY_ID, CATALOGUE, find, find_all, github_checksum
from aisec_shared.findings import Confidence

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = UPPER.lower()
DIGITS = "0123456789"
ALNUM = UPPER + LOWER + DIGITS
URLSAFE = ALNUM + "-_"
B64 = ALNUM + "+/"
HEX = "0123456789abcdef"
UP32 = UPPER + "234567"
BASE62 = DIGITS + UPPER + LOWER


def rnd(alphabet: str, n: int, seed: int) -> str:
    """`n` characters of `alphabet`, seeded; with at least one of each class it offers."""
    rng = random.Random(seed)
    while True:
        s = "".join(rng.choice(alphabet) for _ in range(n))
        classes = [c for c in (UPPER, LOWER, DIGITS) if any(ch in c for ch in alphabet)]
        if n < 12 or all(any(ch in c for ch in s) for c in classes):
            return s


def gh(prefix: str, seed: int) -> str:
    """A GitHub token with a valid checksum (CRC32 of the 30-char body, base62, 6 chars)."""
    body = rnd(ALNUM, 30, seed)
    n, out = zlib.crc32(body.encode()), ""
    while n:
        n, r = divmod(n, 62)
        out = BASE62[r] + out
    return prefix + body + out.rjust(6, "0")


def b64url(obj: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def discord_token(seed: int) -> str:
    rng = random.Random(seed)
    uid = "1" + "".join(rng.choice(DIGITS) for _ in range(17))
    first = base64.b64encode(uid.encode()).decode().rstrip("=")
    return first + "." + rnd(URLSAFE, 6, seed + 1) + "." + rnd(URLSAFE, 27, seed + 2)


def jwt(alg: str = "HS256", sig_len: int = 43) -> str:
    head = b64url({"alg": alg, "typ": "JWT"})
    body = b64url({"sub": "svc-billing", "iat": 1700000000})
    return head + "." + body + "." + rnd(URLSAFE, sig_len, 77)


PEM = "-----BEGIN "
END = "-----END "
AWS_SECRET = rnd(B64, 40, 3)
HEX32 = rnd(HEX, 32, 4)
HEX40 = rnd(HEX, 40, 5)
AZ_KEY = rnd(B64, 86, 6) + "=="
TW_SECRET = rnd(ALNUM, 32, 102)
UUID = "-".join(rnd(HEX, n, 103 + n) for n in (8, 4, 4, 4, 12))
SAS_SIG = rnd(ALNUM, 39, 104) + "%2B" + rnd(ALNUM, 3, 105) + "%3D"
DOCKER_AUTH = base64.b64encode(("ci-bot:" + rnd(URLSAFE, 20, 106)).encode()).decode()
ALWAYS: dict = {"in_file": lambda pattern: True}
NEVER: dict = {"in_file": lambda pattern: False}


def gl(prefix: str, body: str) -> tuple[list, list]:
    """GitLab-style cases: a positive, and too short / placeholder negatives."""
    return [prefix + body], [prefix + body[:-1], prefix + "x" * len(body), prefix[:-1] + "_" + body]


def hexrow(prefix: str, n: int, seed: int, upper_ok: bool = False) -> tuple[list, list]:
    """Hex-bodied cases: too short, non-hex, and (unless allowed) upper-case negatives."""
    good = rnd(HEX, n, seed)
    positives = [prefix + good] + ([prefix + good.upper()] if upper_ok else [])
    negatives = [prefix + good[:-1], prefix + "g" + good[1:]] + ([] if upper_ok else [prefix + good.upper()])
    return positives, negatives


# row id -> (positives, negatives). An entry is a text or (text, find() keyword arguments).
CASES: dict[str, tuple[list, list]] = {
    "aws-access-key-id": (
        ["AKIA" + rnd(UP32, 16, 1), "ASIA" + rnd(UP32, 16, 2)],
        ["AKIA" + rnd(UP32, 15, 1), "AKIA" + rnd(UP32, 17, 1), "AKIA" + rnd(LOWER, 16, 1),
         "AKIA" + "0189018901890189", "AKIAXXXXXXXXXXXXXXXX", "AKIAIOSFODNN7EXAMPLE"],
    ),
    "aws-secret-access-key-assignment": (
        ["aws_secret_access_key = " + AWS_SECRET, '"SecretAccessKey": "' + AWS_SECRET + '"',
         "AWS_SECRET_ACCESS_KEY=" + AWS_SECRET],
        ["aws_secret_access_key = " + AWS_SECRET[:-1], "aws_secret_access_key = " + HEX40,
         "aws_secret_access_key = " + AWS_SECRET + "x", "aws_secret_access_key = YOUR_SECRET_KEY_HERE",
         "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"],
    ),
    "aws-secret-access-key": (
        [(AWS_SECRET, {"name": "aws_secret_access_key"}), (AWS_SECRET, {"name": "awsSecretKey"}),
         (AWS_SECRET, ALWAYS)],
        [(AWS_SECRET, {"name": "session_secret", **NEVER}), (AWS_SECRET, {}),
         (HEX40, {"name": "aws_secret_access_key"}), (AWS_SECRET[:-1], {"name": "aws_secret_access_key"}),
         (HEX40, ALWAYS)],
    ),
    "gcp-api-key": (
        ["AIza" + rnd(URLSAFE, 35, 7)],
        ["AIza" + rnd(URLSAFE, 34, 7), "AIza" + rnd(URLSAFE, 36, 7), "AIza" + rnd(URLSAFE, 20, 7) + "." + rnd(ALNUM, 14, 8),
         "AIza" + "a" * 35, "AIZA" + rnd(URLSAFE, 35, 7)],
    ),
    "gcp-service-account-key": (
        ['{"type": "service_account", "private_key": "' + PEM + "PRIVATE KEY-----\\nMIIEvQ" + rnd(B64, 60, 9)
         + "\\n" + END + 'PRIVATE KEY-----\\n", "client_email": "svc@p.iam.gserviceaccount.com"}'],
        ['"private_key": "' + PEM + 'PRIVATE KEY-----"', '"private_key": "' + PEM + 'PRIVATE KEY-----\\nMIIE\\n"',
         '"private_key_id": "' + PEM + "PRIVATE KEY-----\\nMIIEvQ" + rnd(B64, 60, 9)],
    ),
    "google-oauth-client-secret": (
        ["GOCSPX-" + rnd(URLSAFE, 28, 10)],
        ["GOCSPX-" + rnd(URLSAFE, 27, 10), "GOCSPX-" + rnd(URLSAFE, 29, 10), "GOCSPX-<client-secret>",
         "GOCSPX-" + "x" * 28],
    ),
    "azure-storage-connection-string": (
        ["DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + AZ_KEY + ";EndpointSuffix=core.windows.net"],
        ["AccountKey=" + AZ_KEY[:85] + "==", "AccountKey=" + AZ_KEY[:86] + "AA", "AccountKey=<your-account-key>",
         # The Azurite emulator's documented key.
         "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/" + "K1SZFPTOtr/KBHBeksoGMGw=="],
    ),
    "azure-storage-account-key": (
        [(AZ_KEY, {"name": "account_key"}), (AZ_KEY, {"name": "AZURE_STORAGE_KEY"})],
        [(AZ_KEY, {"name": "signing_key"}), (AZ_KEY, {}), (AZ_KEY[:84] + "==", {"name": "account_key"})],
    ),
    "azure-sas-signature": (
        ["https://acct.blob.core.windows.net/c/r.csv?sv=2022-11-02&ss=b&sp=r&se=2030-01-01T00:00:00Z&sig=" + SAS_SIG],
        ["https://example.org/feed?sig=" + SAS_SIG, "?sv=2022-11-02&sig=" + SAS_SIG[:30] + "%3D",
         "?sv=2022-11-02&sig=<signature>"],
    ),
    "azure-shared-access-key": (
        ["Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=" + rnd(B64, 43, 11) + "="],
        ["SharedAccessKey=" + rnd(B64, 42, 11) + "=", "SharedAccessKey=" + rnd(B64, 44, 11),
         "SharedAccessKey=<key>"],
    ),
    "azure-ad-client-secret": (
        [rnd(ALNUM, 3, 12) + "8Q~" + rnd(URLSAFE + "~.", 34, 13)],
        [rnd(ALNUM, 3, 12) + "8Q~" + rnd(URLSAFE, 30, 13), rnd(ALNUM, 4, 12) + "Q~" + rnd(URLSAFE, 34, 13),
         "bP88Q~" + "x" * 34, "~" * 40],
    ),
    "github-classic-pat": ([gh("ghp_", 14)], []),
    "github-oauth-token": ([gh("gho_", 15)], []),
    "github-user-to-server-token": ([gh("ghu_", 16)], []),
    "github-server-to-server-token": ([gh("ghs_", 17)], []),
    "github-refresh-token": ([gh("ghr_", 18)], []),
    "github-fine-grained-pat": (
        ["github_pat_" + rnd(ALNUM, 22, 19) + "_" + rnd(ALNUM, 59, 20)],
        ["github_pat_" + rnd(ALNUM, 22, 19) + "_" + rnd(ALNUM, 58, 20), "github_pat_" + rnd(ALNUM, 81, 19),
         "github_pat_" + "x" * 22 + "_" + "x" * 59],
    ),
    "gitlab-pat": (
        ["glpat-" + rnd(URLSAFE, 20, 21), "glpat-" + rnd(URLSAFE, 27, 22) + "." + rnd(DIGITS + LOWER, 9, 23)],
        ["glpat-" + rnd(URLSAFE, 19, 21), "glpat-XXXXXXXXXXX-XXXXXXXX", "glpat_" + rnd(URLSAFE, 20, 21),
         "glpat-" + rnd(URLSAFE, 27, 22) + "." + rnd(UPPER, 9, 23)],
    ),
    "gitlab-oauth-app-secret": gl("gloas-", rnd(URLSAFE, 64, 24)),
    "gitlab-deploy-token": gl("gldt-", rnd(URLSAFE, 20, 25)),
    "gitlab-runner-token": (
        ["glrt-" + rnd(URLSAFE, 20, 26), "glrt-t1_" + rnd(URLSAFE, 27, 27) + "." + rnd(DIGITS + LOWER, 9, 28)],
        ["glrt-" + rnd(URLSAFE, 19, 26), "glrt-" + "x" * 20, "glrt-tx_" + "x" * 27 + ".xxxxxxxxx"],
    ),
    "gitlab-pipeline-trigger-token": hexrow("glptt-", 40, 29),
    "gitlab-feed-token": gl("glft-", rnd(URLSAFE, 20, 30)),
    "gitlab-incoming-mail-token": gl("glimt-", rnd(URLSAFE, 25, 31)),
    "gitlab-agent-token": gl("glagent-", rnd(URLSAFE, 50, 32)),
    "gitlab-scim-token": gl("glsoat-", rnd(URLSAFE, 20, 33)),
    "gitlab-ci-job-token": (
        ["glcbt-" + rnd(ALNUM, 3, 34) + "_" + rnd(URLSAFE, 20, 35)],
        ["glcbt-" + rnd(ALNUM, 6, 34) + "_" + rnd(URLSAFE, 20, 35), "glcbt-" + rnd(ALNUM, 3, 34) + "_" + rnd(URLSAFE, 19, 35)],
    ),
    "gitlab-feature-flag-token": gl("glffct-", rnd(URLSAFE, 20, 36)),
    "gitlab-runner-registration-token": gl("GR1348941", rnd(URLSAFE, 20, 37)),
    "slack-bot-token": (
        ["xoxb-" + rnd(DIGITS, 12, 38) + "-" + rnd(DIGITS, 13, 39) + "-" + rnd(ALNUM, 24, 40),
         "xoxb-" + rnd(DIGITS, 12, 41) + "-" + rnd(ALNUM, 24, 42)],
        ["xoxb-not-a-token", "xoxb-12345-abcd234", "xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx",
         "xoxb-" + rnd(DIGITS, 12, 38) + "-" + rnd(DIGITS, 13, 39) + "-" + rnd(ALNUM, 17, 40)],
    ),
    "slack-user-token": (
        ["xoxp-" + rnd(DIGITS, 11, 43) + "-" + rnd(DIGITS, 10, 44) + "-" + rnd(DIGITS, 11, 45) + "-" + rnd(HEX, 32, 46)],
        ["xoxp-1234-1234-1234-" + rnd(HEX, 32, 46),
         "xoxp-" + rnd(DIGITS, 11, 43) + "-" + rnd(DIGITS, 10, 44) + "-" + rnd(DIGITS, 11, 45) + "-" + rnd(HEX, 27, 46)],
    ),
    "slack-app-token": (
        ["xapp-1-A" + rnd(UPPER + DIGITS, 10, 47) + "-" + rnd(DIGITS, 13, 48) + "-" + rnd(HEX, 64, 49)],
        ["xapp-A" + rnd(UPPER + DIGITS, 10, 47) + "-" + rnd(DIGITS, 13, 48) + "-" + rnd(HEX, 64, 49),
         "xapp-1-A" + rnd(UPPER + DIGITS, 10, 47) + "-" + rnd(DIGITS, 13, 48) + "-" + rnd(HEX, 20, 49)],
    ),
    "slack-config-token": (
        ["xoxe.xoxp-1-" + rnd(ALNUM, 163, 50)],
        ["xoxe.xoxp-1-" + rnd(ALNUM, 162, 50), "xoxe.xoxp-1-initial", "xoxe.xoxp-1-RANDOMSTRINGHERE"],
    ),
    "slack-token": (
        ["xoxr-" + rnd(DIGITS, 10, 51) + "-" + rnd(ALNUM, 30, 52)],
        ["xoxr-12345-" + rnd(ALNUM, 30, 52), "xoxz-" + rnd(DIGITS, 10, 51) + "-" + rnd(ALNUM, 30, 52),
         "xoxa-faketoken"],
    ),
    "slack-webhook-url": (
        ["https://hooks.slack.com/services/T" + rnd(UP32, 10, 53) + "/B" + rnd(UP32, 10, 54) + "/" + rnd(ALNUM, 24, 55)],
        ["https://hooks.slack.com/services/T" + rnd(LOWER, 10, 53) + "/B" + rnd(UP32, 10, 54) + "/" + rnd(ALNUM, 24, 55),
         "https://hooks.slack.com/services/T" + rnd(UP32, 10, 53) + "/B" + rnd(UP32, 10, 54) + "/" + rnd(ALNUM, 22, 55),
         "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"],
    ),
    "stripe-live-secret-key": (
        ["sk_" + "live_" + rnd(ALNUM, 24, 56)],
        ["sk_" + "test_" + rnd(ALNUM, 24, 56), "sk_" + "live_" + rnd(ALNUM, 19, 56), "sk_" + "live_" + "x" * 24],
    ),
    "stripe-live-restricted-key": (
        ["rk_" + "live_" + rnd(ALNUM, 24, 57)],
        ["rk_" + "test_" + rnd(ALNUM, 24, 57), "rk_" + "live_" + rnd(ALNUM, 19, 57), "rk_" + "live_" + "0" * 24],
    ),
    "twilio-api-key": (
        ["https://SK" + rnd(HEX, 32, 58) + ":" + rnd(ALNUM, 32, 101) + "@api.twilio.com/"],
        # The SID alone is the public half of the pair.
        ["SK" + rnd(HEX, 32, 58), "SK" + rnd(HEX, 31, 58) + ":" + rnd(ALNUM, 32, 101),
         "SK" + rnd(HEX, 32, 58) + ":" + rnd(LOWER, 32, 101), "SK" + rnd("ghijkl", 32, 58) + ":" + rnd(ALNUM, 32, 101)],
    ),
    "twilio-api-key-secret": (
        [(TW_SECRET, {"name": "TWILIO_API_SECRET"}), (TW_SECRET, {"name": "twilio.rest.Client", **ALWAYS}),
         (TW_SECRET, {"name": "api_secret", **ALWAYS})],
        [(TW_SECRET, {"name": "api_secret", **NEVER}), (TW_SECRET, {"name": "session_id", **ALWAYS}),
         (HEX32, {"name": "TWILIO_API_SECRET"}), (TW_SECRET[:-1], {"name": "TWILIO_API_SECRET"})],
    ),
    "twilio-sid-and-token": (
        ["https://AC" + rnd(HEX, 32, 59) + ":" + rnd(HEX, 32, 60) + "@api.twilio.com/2010-04-01/Accounts"],
        ["AC" + rnd(HEX, 32, 59) + ":" + rnd(HEX, 31, 60), "AC" + rnd(HEX, 32, 59).upper() + ":" + rnd(HEX, 32, 60)],
    ),
    "twilio-auth-token": (
        [(HEX32, {"name": "TWILIO_AUTH_TOKEN"}), (HEX32, {"name": "auth_token", **ALWAYS}),
         (HEX32, {"name": "twilio.rest.Client", **ALWAYS})],
        [(HEX32, {"name": "trace_id", **ALWAYS}), (HEX32, {"name": "auth_token", **NEVER}),
         (HEX32, {"name": "twilio_sid"}), (HEX32[:-1], {"name": "TWILIO_AUTH_TOKEN"})],
    ),
    "sendgrid-api-key": (
        ["SG." + rnd(URLSAFE, 22, 61) + "." + rnd(URLSAFE, 43, 62)],
        ["SG." + rnd(URLSAFE, 22, 61) + "." + rnd(URLSAFE, 42, 62), "SG." + rnd(URLSAFE, 66, 61),
         "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    ),
    "mailgun-api-key": hexrow("key-", 32, 63),
    "openai-project-key": (
        ["sk-proj-" + rnd(URLSAFE, 64, 64)],
        ["sk-proj-" + rnd(URLSAFE, 39, 64), "sk-proj-your-api-key-here", "sk-proj-" + "x" * 64],
    ),
    "openai-service-account-key": (
        ["sk-svcacct-" + rnd(URLSAFE, 64, 65)],
        ["sk-svcacct-" + rnd(URLSAFE, 39, 65), "sk-svcacct-" + "*" * 64],
    ),
    "openai-admin-key": (
        ["sk-admin-" + rnd(URLSAFE, 64, 66)],
        ["sk-admin-" + rnd(URLSAFE, 39, 66), "sk-admin-REDACTED-" + rnd(URLSAFE, 40, 66)],
    ),
    "openai-legacy-key": (
        ["sk-" + rnd(ALNUM, 20, 67) + "T3BlbkFJ" + rnd(ALNUM, 20, 68)],
        ["sk-" + rnd(ALNUM, 19, 67) + "T3BlbkFJ" + rnd(ALNUM, 20, 68), "sk-" + rnd(ALNUM, 20, 67) + "T3BlbkFj" + rnd(ALNUM, 20, 68)],
    ),
    "anthropic-api-key": (
        ["sk-ant-api03-" + rnd(URLSAFE, 93, 69) + "AA"],
        ["sk-ant-api03-" + rnd(URLSAFE, 79, 69), "sk-ant-api03-your-key-here", "sk-ant-api04-" + rnd(URLSAFE, 95, 69)],
    ),
    "anthropic-admin-key": (
        ["sk-ant-admin01-" + rnd(URLSAFE, 93, 70) + "AA"],
        ["sk-ant-admin01-" + rnd(URLSAFE, 79, 70), "sk-ant-admin01-" + "X" * 95],
    ),
    "huggingface-token": (
        ["hf_" + rnd(UPPER + LOWER, 34, 71)],
        ["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", "hf_" + rnd(UPPER + LOWER, 33, 71), "hf_" + "x" * 34],
    ),
    "huggingface-org-token": (
        ["api_org_" + rnd(UPPER + LOWER, 34, 107)],
        ["api_org_controller", "api_org_" + rnd(UPPER + LOWER, 33, 107), "api_org_" + "X" * 34,
         "api_org_" + rnd(LOWER, 34, 107)],
    ),
    "docker-config-auth": (
        [(DOCKER_AUTH, {"name": "auth"})],
        [(DOCKER_AUTH, {"name": "token"}), (base64.b64encode(b"no-colon-here").decode(), {"name": "auth"}),
         ("bm90IGJhc2U2NCE=", {"name": "auth"}), ("Basic " + DOCKER_AUTH, {"name": "auth"})],
    ),
    "discord-webhook-url": (
        ["https://discord.com/api/webhooks/" + rnd(DIGITS, 19, 108) + "/" + rnd(URLSAFE, 68, 109)],
        ["https://discord.com/api/webhooks/" + rnd(DIGITS, 19, 108) + "/" + rnd(URLSAFE, 40, 109),
         "https://discord.com/api/webhooks/{id}/{token}"],
    ),
    "npm-token": (
        ["npm_" + rnd(ALNUM, 36, 72)],
        ["npm_" + rnd(ALNUM, 35, 72), "npm_" + rnd(ALNUM, 20, 72) + "-" + rnd(ALNUM, 15, 73), "npm_" + "0" * 36],
    ),
    "pypi-token": (
        ["pypi-AgEIcHlwaS5vcmc" + rnd(URLSAFE, 80, 74)],
        ["pypi-AgEIcHlwaS5vcmc" + rnd(URLSAFE, 49, 74), "pypi-AgEIcHlwaS5vcmX" + rnd(URLSAFE, 80, 74)],
    ),
    "testpypi-token": (
        ["pypi-AgENdGVzdC5weXBpLm9yZw" + rnd(URLSAFE, 80, 75)],
        ["pypi-AgENdGVzdC5weXBpLm9yZw" + rnd(URLSAFE, 49, 75)],
    ),
    "docker-hub-pat": (
        ["dckr_pat_" + rnd(URLSAFE, 27, 76)],
        ["dckr_pat_" + rnd(URLSAFE, 26, 76), "dckr_pat_" + rnd(URLSAFE, 41, 76), "dckr_pat_" + "x" * 27],
    ),
    "databricks-token": hexrow("dapi", 32, 78),
    "datadog-key-assignment": (
        ["DD_API_KEY=" + HEX32, "datadog_app_key: " + HEX40],
        ["DD_API_KEY=" + HEX32[:-1], "DD_SITE=" + HEX32, "DD_API_KEY=" + HEX32.upper()],
    ),
    "datadog-api-key": (
        [(HEX32, {"name": "DD_API_KEY"}), (HEX32, {"name": "datadog.initialize.api_key"}),
         (HEX32, {"name": "apiKeyAuth", **ALWAYS})],
        [(HEX32, {"name": "dd_trace_id"}), (HEX32, {"name": "api_key"}), (HEX40, {"name": "DD_API_KEY"}),
         ("0" * 32, {"name": "DD_API_KEY"})],
    ),
    "datadog-app-key": (
        [(HEX40, {"name": "datadog_app_key"}), (HEX40, {"name": "DD_APPLICATION_KEY"})],
        [(HEX40, {"name": "commit_sha"}), (HEX40[:-1], {"name": "DD_APP_KEY"})],
    ),
    "heroku-legacy-api-key": (
        [(UUID, {"name": "HEROKU_API_KEY"}), (UUID, {"name": "heroku3.from_key"})],
        [(UUID, {"name": "request_id"}), (UUID, {"name": "HEROKU_APP_ID"}), (UUID.upper(), {"name": "HEROKU_API_KEY"})],
    ),
    "heroku-api-key": (
        ["HRKU-AA" + rnd(URLSAFE, 58, 79)],
        ["HRKU-AA" + rnd(URLSAFE, 57, 79), "HRKU-AB" + rnd(URLSAFE, 58, 79)],
    ),
    "digitalocean-pat": hexrow("dop_v1_", 64, 80),
    "digitalocean-oauth-token": hexrow("doo_v1_", 64, 81),
    "digitalocean-refresh-token": hexrow("dor_v1_", 64, 82),
    "shopify-access-token": hexrow("shpat_", 32, 83, upper_ok=True),
    "shopify-custom-app-token": hexrow("shpca_", 32, 84, upper_ok=True),
    "shopify-private-app-token": hexrow("shppa_", 32, 85, upper_ok=True),
    "shopify-shared-secret": hexrow("shpss_", 32, 86, upper_ok=True),
    "discord-bot-token": (
        [discord_token(87)],
        ["M" + rnd(URLSAFE, 23, 88) + "." + rnd(URLSAFE, 6, 89) + "." + rnd(URLSAFE, 27, 90),
         discord_token(87).replace(".", ".x", 1)[:-1], discord_token(87)[:-2]],
    ),
    "telegram-bot-token": (
        [rnd(DIGITS, 10, 91) + ":AA" + rnd(URLSAFE, 33, 92),
         "https://api.telegram.org/bot" + rnd(DIGITS, 10, 91) + ":AA" + rnd(URLSAFE, 33, 92) + "/sendMessage"],
        ["1234:AA" + rnd(URLSAFE, 33, 92), rnd(DIGITS, 10, 91) + ":AA" + rnd(URLSAFE, 32, 92),
         rnd(DIGITS, 10, 91) + ":BA" + rnd(URLSAFE, 33, 92)],
    ),
    "jwt": (
        [jwt()],
        [jwt(alg="none"), b64url({"alg": "HS256"}) + "." + b64url({"sub": "x"}) + ".",
         "eyJub3QganNvbg." + b64url({"sub": "x"}) + "." + rnd(URLSAFE, 43, 93), jwt(sig_len=10),
         # jwt.io's documented example token.
         "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
         + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"],
    ),
    "pem-private-key": (
        [PEM + "RSA PRIVATE KEY-----\n" + rnd(B64, 64, 94) + "\n" + END + "RSA PRIVATE KEY-----",
         PEM + "RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\n" + rnd(B64, 64, 95),
         PEM + "PRIVATE KEY-----  \r\n    " + rnd(B64, 64, 96)],
        [PEM + "RSA PRIVATE KEY-----", PEM + "PRIVATE KEY-----\n{b64}\n" + END + "PRIVATE KEY-----",
         PEM + "PUBLIC KEY-----\n" + rnd(B64, 64, 94), PEM + "PRIVATE KEY-----" + rnd(B64, 64, 94)],
    ),
    "openssh-private-key": (
        [PEM + "OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE" + rnd(B64, 60, 97)],
        [PEM + "OPENSSH PRIVATE KEY-----", PEM + "OPENSSH PRIVATE KEY-----\n...\n"],
    ),
    "pgp-private-key": (
        [PEM + "PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n" + rnd(B64, 64, 98)],
        [PEM + "PGP PUBLIC KEY BLOCK-----\n\n" + rnd(B64, 64, 98), PEM + "PGP PRIVATE KEY BLOCK-----\n\n"],
    ),
    "putty-private-key": (
        ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n"
         + rnd(B64, 64, 99) + "\nPrivate-Lines: 1\n" + rnd(B64, 44, 100)],
        ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n" + rnd(B64, 64, 99),
         "PuTTY-User-Key-File-9: ssh-rsa\nPrivate-Lines: 1\n"],
    ),
}


def _split(entry) -> tuple[str, dict]:
    return entry if isinstance(entry, tuple) else (entry, {})


def _reported(row_id: str, text: str, kw: dict) -> list:
    """Findings of that row at the default (medium) threshold."""
    return [f for f in find_all(text, **kw) if f.fmt.id == row_id and f.confidence is not Confidence.LOW]


def test_catalogue_has_forty_rows_and_each_a_case():
    assert len(CATALOGUE) >= 40
    assert set(CASES) == set(BY_ID), set(CASES) ^ set(BY_ID)


@pytest.mark.parametrize("row", CATALOGUE, ids=lambda r: r.id)
def test_every_row_has_a_source_url_and_a_kind(row):
    assert row.source.startswith("https://"), row.id
    assert row.provider and row.kind.split(" ", 1)[0] in {"a", "an"}, row.id
    assert row.hints or row.context is not None, f"{row.id}: no hint, the pattern would run on every literal"


@pytest.mark.parametrize("row_id", sorted(CASES))
def test_positive(row_id):
    positives, _ = CASES[row_id]
    assert positives
    for entry in positives:
        text, kw = _split(entry)
        # In isolation, and embedded in code-like text with delimiters around it.
        found = _reported(row_id, text, kw)
        assert found, f"{row_id} missed its positive"
        assert found[0].secret in text
        if BY_ID[row_id].context is None:
            assert _reported(row_id, f'token = "{text}"  # end', kw), f"{row_id} missed inside text"


@pytest.mark.parametrize("row_id", sorted(CASES))
def test_negatives_are_not_reported(row_id):
    _, negatives = CASES[row_id]
    for entry in negatives:
        text, kw = _split(entry)
        assert not _reported(row_id, text, kw), f"{row_id} reported a near-miss"


@pytest.mark.parametrize("row_id", sorted(r for r in BY_ID if r.startswith("github-") and r != "github-fine-grained-pat"))
def test_github_checksum_near_misses(row_id):
    token = CASES[row_id][0][0]
    prefix = token[:4]
    bad_digit = token[:-1] + ("0" if token[-1] != "0" else "1")
    swapped = prefix + token[5] + token[4] + token[6:]
    for text in (bad_digit, swapped, token[:-1], token + "a", prefix + token[4:-6] + "-" * 6):
        if text != token:
            assert not _reported(row_id, text, {}), text
    assert github_checksum(token[4:34]) == token[34:]


def test_github_checksum_known_shape():
    # Base62 of CRC32, left-padded to 6 with '0': crc32('') == 0.
    assert github_checksum("") == "000000"
    assert len(github_checksum("a" * 30)) == 6


def test_find_prefers_catalogue_order_and_reports_positions():
    text = "x = '" + CASES["slack-bot-token"][0][0] + "'"
    found = find(text)
    assert found is not None and found.fmt.id == "slack-bot-token"
    assert text[found.start:found.end] == found.secret


def test_context_rows_match_whole_literals_only():
    assert not _reported("aws-secret-access-key", "x" + AWS_SECRET, {"name": "aws_secret_access_key"})
    assert _reported("aws-secret-access-key", "  " + AWS_SECRET + "\n", {"name": "aws_secret_access_key"})


def test_pair_only_is_medium_and_named_is_high():
    paired = find(AWS_SECRET, **ALWAYS)
    named = find(AWS_SECRET, name="aws_secret_access_key")
    assert paired is not None and paired.confidence is Confidence.MEDIUM
    assert named is not None and named.confidence is Confidence.HIGH


def test_name_resolved_lazily():
    calls = []

    def name():
        calls.append(1)
        return "aws_secret_access_key"

    find("just some text with no credential at all", name=name)
    assert not calls


# --------------------------------------------------------------------------- linear time
N = 100_000


def _adversarial(row) -> list[str]:
    """~100 kB near-misses built from the row's own positive and hints."""
    positive = _split(CASES[row.id][0][0])[0]
    body = positive[len(positive) // 3:] or positive
    seeds = [*row.hints, positive[:8] or positive]
    out = []
    for seed in seeds:
        out.append((seed * (N // max(len(seed), 1) + 1))[:N])                     # prefix repeated
        out.append(seed + ("a" * N))                                                 # body without end
        out.append(seed + ("aB3" * (N // 3)))
        out.append(seed + ("A" * N) + "\n")
    out.append((positive[:-1] + " ") * (N // len(positive) + 1))                    # truncated, repeated
    out.append((positive[:-1]) * (N // len(positive) + 1))                          # glued truncations
    out.append(positive[:-1] + body * (N // max(len(body), 1)))                      # valid chars, no end
    out.append("\n".join([positive.split("\n", 1)[0]] * (N // max(len(positive.split("\n", 1)[0]), 1))))
    out.append("-" * N)
    out.append(("eyJ" + "a" * 50 + ".") * (N // 54))
    out.append(("1" * 12 + ":") * (N // 13))
    return out


@pytest.mark.parametrize("row", CATALOGUE, ids=lambda r: r.id)
def test_regex_linear_on_100kb_near_misses(row):
    texts = _adversarial(row)
    start = time.perf_counter()
    for text in texts:
        for m in row.pattern.finditer(text):
            if row.validator is not None:
                row.validator(m)
        row.pattern.fullmatch(text)
    elapsed = time.perf_counter() - start
    # Generous: catastrophic backtracking on 100 kB takes minutes, not milliseconds.
    assert elapsed < 2.0, f"{row.id}: {elapsed:.2f}s on {len(texts)} inputs of 100 kB"


def test_whole_catalogue_scan_is_linear_on_100kb_near_misses():
    """`find_all` (every row, hints and validators included) over each row's worst inputs:
    on average well under 50 ms per 100 kB text (a backtracking regex takes minutes)."""
    texts = [t for row in CATALOGUE for t in _adversarial(row)[:3]]
    start = time.perf_counter()
    for text in texts:
        find_all(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 0.05 * len(texts), f"{elapsed:.2f}s for {len(texts)} texts of 100 kB"


# --------------------------------------------------------------------------- through the rule
def _ais102(src: str) -> list:
    from aisec_shared import Settings, check_source

    return [f for f in check_source(src, "t.py", Settings(strict=True), only=["AIS102"])]


def test_rule_comment_finding_points_at_the_key_in_character_columns():
    # The comment's span is built in UTF-8 bytes, as ast positions are; findings count
    # characters (engine._in_characters), as editors do.
    key = CASES["npm-token"][0][0]
    src = f'x = "é"  # npm token {key}\n'
    [finding] = _ais102(src)
    assert finding.line == 1 and finding.col == src.index(key)
    assert finding.end_col == finding.col + len(key) and finding.message.startswith("Comment holds an npm")
    assert key not in finding.message


def test_rule_pairs_aws_secret_with_key_id_in_the_same_file():
    akid = CASES["aws-access-key-id"][0][0]
    found = _ais102(f'PAIR = ("{akid}", "{AWS_SECRET}")\nOTHER = "{AWS_SECRET}"\n')
    assert [(f.line, f.confidence) for f in found] == [
        (1, Confidence.HIGH), (1, Confidence.MEDIUM), (2, Confidence.MEDIUM)]
    assert not _ais102(f'OTHER = "{AWS_SECRET}"\n')


def test_rule_names_from_keywords_env_defaults_and_dicts():
    src = (
        "import os\nimport datadog\n"
        f'datadog.initialize(api_key="{HEX32}")\n'
        f'os.environ.setdefault("DD_API_KEY", "{HEX32}")\n'
        f'cfg = {{"TWILIO_AUTH_TOKEN": "{HEX32}"}}\n'
        f'def f(aws_secret_access_key="{AWS_SECRET}"):\n    return 1\n'
        f'trace_id = "{HEX32}"\n'
    )
    assert [f.line for f in _ais102(src)] == [3, 4, 5, 6]


def test_rule_key_block_in_comment_lines_and_header_alone():
    body = rnd(B64, 64, 5)
    flagged = f"# {PEM}OPENSSH PRIVATE KEY-----\n#   {body}\n# {END}OPENSSH PRIVATE KEY-----\n"
    assert [f.line for f in _ais102(flagged)] == [1]
    assert not _ais102(f"# keys start with {PEM}OPENSSH PRIVATE KEY-----\nx = 1  # {body}\n")


# --------------------------------------------------------------------------- prefilters
import re  # noqa: E402  (imported here so that the findings snapshots keep the lines above)

from aisec_shared.analysis import credentials as _credentials  # noqa: E402


def _reference_find_all(text: str, name=None, in_file=None) -> list:
    """`find_all` without any prefilter: every row, hints by plain substring tests."""
    out = []
    low = text.lower()
    resolved = _credentials.normalized_name(name)
    for row in CATALOGUE:
        if row.context is not None:
            m = row.pattern.fullmatch(text.strip())
            if m is None or (row.validator is not None and not row.validator(m)):
                continue
            conf = _credentials._context_confidence(row, row.context, resolved, in_file)
            if conf is not None:
                out.append(_credentials._found(row, m, conf, offset=len(text) - len(text.lstrip())))
            continue
        if not any(h in (low if row.hints_nocase else text) for h in row.hints):
            continue
        for n, m in enumerate(row.pattern.finditer(text)):
            if n >= _credentials._MAX_MATCHES_PER_ROW:
                break
            if row.validator is None or row.validator(m):
                out.append(_credentials._found(row, m, row.confidence))
    return out


def _texts_around_cases() -> list[tuple[str, dict]]:
    out = []
    for row_id, (positives, negatives) in CASES.items():
        for entry in [*positives, *negatives]:
            text, kw = _split(entry)
            out += [(text, kw), (f'token = "{text}"  # end', kw), (f"  {text}\n", kw), (text.upper(), kw), (text.lower(), kw)]
    return out


def test_find_all_equals_the_unfiltered_scan():
    """The prefilters (`_PREFILTER`, row gates, `_CONTEXT_SHAPE`) never change a result."""
    names = [None, "aws_secret_access_key", "auth", "DD_API_KEY", "TWILIO_AUTH_TOKEN", "heroku_api_key", "AZURE_STORAGE_KEY"]
    for text, kw in _texts_around_cases():
        for name in [kw.get("name"), *names]:
            for in_file in (None, ALWAYS["in_file"], NEVER["in_file"]):
                got = [(f.fmt.id, f.start, f.end, f.confidence) for f in find_all(text, name=name, in_file=in_file)]
                want = [(f.fmt.id, f.start, f.end, f.confidence) for f in _reference_find_all(text, name, in_file)]
                assert got == want, (text[:60], name)


def test_prefilter_matches_every_hint_and_gate():
    for row in CATALOGUE:
        if row.context is not None:
            continue
        if row.gate is not None:
            for entry in CASES[row.id][0]:
                assert row.gate.search(_split(entry)[0]), row.id  # the gate is implied by a match
            continue
        for hint in row.hints:
            variants = [hint, hint.upper(), hint.title()] if row.hints_nocase else [hint]
            for variant in variants:
                assert _credentials._PREFILTER.search(f"a {variant} b"), (row.id, variant)


def _charset_and_width(pattern: re.Pattern[str]) -> tuple[set[str], int, int]:
    """The characters a pattern can match (raises on anything but literals and classes of
    literals and ranges) and its width bounds, read from the parsed pattern."""
    try:
        from re import _constants as const  # Python 3.11+
        from re import _parser as parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as const  # type: ignore[no-redef]  # noqa: I001
        import sre_parse as parser  # type: ignore[no-redef]

    chars: set[str] = set()

    def walk(items) -> None:
        for op, arg in items:
            if op is const.LITERAL:
                chars.add(chr(arg))
            elif op is const.IN:
                for sub_op, sub_arg in arg:
                    if sub_op is const.LITERAL:
                        chars.add(chr(sub_arg))
                    elif sub_op is const.RANGE:
                        chars.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
                    else:
                        raise AssertionError(f"unexpected class item {sub_op}")
            elif op in (const.MAX_REPEAT, const.MIN_REPEAT):
                walk(arg[2])
            elif op is const.SUBPATTERN:
                walk(arg[-1])
            elif op is const.BRANCH:
                for alternative in arg[1]:
                    walk(alternative)
            else:
                raise AssertionError(f"unexpected op {op}")

    parsed = parser.parse(pattern.pattern, pattern.flags)
    walk(parsed)
    low, high = parsed.getwidth()
    return chars, low, high


def test_context_shape_admits_every_context_row():
    """`_CONTEXT_SHAPE` lets a text through whenever a `Context` row could match it whole."""
    shape = _credentials._CONTEXT_SHAPE
    allowed = set(UPPER + LOWER + DIGITS + "+/=-")
    for row in CATALOGUE:
        if row.context is None:
            continue
        chars, low, high = _charset_and_width(row.pattern)
        assert chars <= allowed and 8 <= low and high <= 402, row.id
        for entry in CASES[row.id][0]:
            text = _split(entry)[0]
            assert shape.fullmatch(text) and shape.fullmatch(f" \t{text}\u00a0\n"), row.id


def test_prefix_match_holds_for_every_key_in_a_comment_line():
    """AIS102 skips the tokenizer when `prefix_match` fails on the file's comment lines."""
    for row_id, (positives, _negatives) in CASES.items():
        if BY_ID[row_id].context is not None:
            continue
        for entry in positives:
            text = _split(entry)[0].split("\n", 1)[0]
            if any(f.fmt.context is None for f in find_all(f"# key {text}")):
                assert _credentials.prefix_match(f"x = 1\n#: comment {text}\n# next"), row_id
    assert not _credentials.prefix_match("# just a comment. With dots.and-dashes, AC and SK\n")


def _consumes_line_break(parsed, flags: int) -> bool:
    """Whether a parsed pattern (``re._parser`` items) has a consuming part that can match
    ``\\n``; lookarounds are skipped (a row's may read the line break after a match)."""
    try:
        from re import _constants as c
    except ImportError:  # Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
    newline = ord("\n")
    for op, av in parsed:
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL and av == newline:
            return True
        if op is c.NOT_LITERAL and av != newline:
            return True
        if op is c.ANY and flags & re.DOTALL:
            return True
        if op is c.IN:
            negated = any(o is c.NEGATE for o, _ in av)
            hits = False
            for o, a in av:
                if o is c.LITERAL and a == newline:
                    hits = True
                elif o is c.RANGE and a[0] <= newline <= a[1]:
                    hits = True
                elif o is c.CATEGORY and a in (c.CATEGORY_SPACE, c.CATEGORY_NOT_DIGIT, c.CATEGORY_NOT_WORD):
                    hits = True
            if hits != negated:
                return True
        if op is c.CATEGORY and av in (c.CATEGORY_SPACE, c.CATEGORY_NOT_DIGIT, c.CATEGORY_NOT_WORD):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and op is not None:
            if _consumes_line_break(av[2], flags):
                return True
        if op is c.SUBPATTERN and _consumes_line_break(av[-1], flags):
            return True
        if op is c.BRANCH and any(_consumes_line_break(b, flags) for b in av[1]):
            return True
        if op is getattr(c, "ATOMIC_GROUP", None) and _consumes_line_break(av, flags):
            return True
    return False


def test_no_prefix_row_matches_across_a_line_break():
    """`prefix_match` and `holds_credential` read a text line by line: that is exact only
    while no prefix row's pattern or gate can consume a line break (lookarounds may read it)."""
    try:
        from re import _parser as parser
    except ImportError:  # Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    from aisec_shared.analysis.credentials import _PREFIX_ROWS

    assert len(_PREFIX_ROWS) > 30
    for _, row in _PREFIX_ROWS:
        for pattern in (row.pattern, row.gate):
            if pattern is not None:
                parsed = parser.parse(pattern.pattern, pattern.flags)
                assert not _consumes_line_break(list(parsed), pattern.flags), (row.id, pattern.pattern)
    # The checker itself sees a line break where there is one.
    for bad in (r"a\sb", r"a[^x]b", r"(?s)a.b", r"(?:x|\n)", r"a\Wb", r"[\x00-\x7f]+"):
        flags = re.compile(bad).flags
        assert _consumes_line_break(list(parser.parse(bad, flags)), flags), bad
    for good in (r"ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])", r"(?<![\w-])AKIA[0-9A-Z]{16}", r"a[^\n\s]b"):
        flags = re.compile(good).flags
        assert not _consumes_line_break(list(parser.parse(good, flags)), flags), good
