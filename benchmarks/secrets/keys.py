"""Credential-format values for the secrets benchmark, assembled at run time.

No file in this directory holds a credential-format string in full: GitHub secret scanning
and push protection would (rightly) block or alert on it. Snippets in `cases.py` carry
``@@NAME@@`` placeholders; `materialize` replaces them with values built here from
fragments and from bodies drawn from a seeded `random.Random`, so every run produces the
same bytes.

Names with a prefix are generated on demand (each from its own seed, the name):

    HEX32_*  HEX40_*  HEX64_*   lowercase hex of that length
    UUID_*                       a random (version 4) UUID

Checksums. GitHub's classic, OAuth, user-to-server, server-to-server and refresh tokens
(``ghp_ gho_ ghu_ ghs_ ghr_``) and npm's granular tokens (``npm_``) end with a checksum:
the CRC32 of the 30-character random body (``zlib.crc32`` of its ASCII bytes), written in
base62 with the alphabet ``0-9A-Za-z`` and left-padded with ``0`` to 6 characters; the
body and checksum together are the 36 characters after the prefix. Sources:
https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
("a 32-bit checksum in the last six digits") and
https://github.blog/security/announcing-npms-new-access-token-format/ ; the exact CRC input
(body only) and alphabet are those the public verifiers use (e.g. CredSweeper's
ValueGitHubCheck, base62-token.js). `gh_token` computes it; `GH_BADSUM` deliberately carries
a wrong one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import string
import urllib.parse
import uuid
import zlib

DIGITS = string.digits
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
LETTERS = UPPER + LOWER
BASE62 = DIGITS + UPPER + LOWER  # 0-9A-Za-z: the order GitHub's checksum uses
ALNUM = BASE62
URLSAFE = ALNUM + "-_"
B64 = UPPER + LOWER + DIGITS + "+/"
HEX = "0123456789abcdef"
UP32 = UPPER + "234567"  # RFC 4648 base32: AWS key ids after the 4-letter prefix
UPALNUM = UPPER + DIGITS


def rnd(alphabet: str, n: int, seed: str) -> str:
    """`n` characters of `alphabet`, the same for the same `seed` on every run."""
    rng = random.Random("aisec-secrets-benchmark:" + seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def rbytes(n: int, seed: str) -> bytes:
    rng = random.Random("aisec-secrets-benchmark-bytes:" + seed)
    return bytes(rng.randrange(256) for _ in range(n))


def base62(num: int, width: int = 6) -> str:
    out = ""
    while num:
        num, r = divmod(num, 62)
        out = BASE62[r] + out
    return out.rjust(width, "0")


def gh_checksum(body: str) -> str:
    return base62(zlib.crc32(body.encode("ascii")) & 0xFFFFFFFF)


def gh_token(prefix: str, seed: str) -> str:
    """A GitHub (or npm) style token: prefix + 30 random base62 + 6-char CRC32 checksum."""
    body = rnd(BASE62, 30, seed)
    return prefix + body + gh_checksum(body)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt_token(alg: str, claims: dict, sig_bytes: int, seed: str) -> str:
    """A JWT (RFC 7519): base64url(header).base64url(claims).base64url(signature)."""
    header = b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{header}.{payload}.{b64url(rbytes(sig_bytes, seed))}"


# PEM / OpenSSH / PGP blocks. The BEGIN/END lines are assembled too, so this file never holds
# a header next to key material. The first bytes of each body are the real DER/ASN.1 or
# format magic of that key type; the rest is random base64.
_PEM_KINDS = {
    "RSA": ("RSA PRIVATE KEY", "MIIEowIBAAKCAQEA"),
    "PKCS8": ("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"),
    "EC": ("EC PRIVATE KEY", "MHcCAQEEI"),
    "DSA": ("DSA PRIVATE KEY", "MIIBuwIBAAKBgQ"),
    "OPENSSH": ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"),
    "ENC": ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI"),
    "PGP": ("PGP PRIVATE KEY BLOCK", "lQOYBGX"),
    "PUBLIC": ("PUBLIC KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"),
    "CERT": ("CERTIFICATE", "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ"),
}


def pem_lines(kind: str, n: int, seed: str) -> list[str]:
    """BEGIN line, `n` base64 body lines of 64 characters, END line."""
    label, magic = _PEM_KINDS[kind]
    body = magic + rnd(B64, 64 * n - len(magic), seed)
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    if kind == "PGP":
        lines = ["", *lines, "=" + rnd(B64, 4, seed + "crc")]  # armor: blank line, body, CRC24
    return ["-----BEGIN " + label + "-----", *lines, "-----END " + label + "-----"]


def _build() -> dict[str, str]:
    k: dict[str, str] = {}
    # AWS: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
    for i in range(1, 6):
        k[f"AWS_AKIA_{i}"] = "AK" + "IA" + rnd(UP32, 16, f"akia{i}")
    k["AWS_ASIA_1"] = "AS" + "IA" + rnd(UP32, 16, "asia1")
    for i in range(1, 7):
        k[f"AWS_SECRET_{i}"] = rnd(B64, 40, f"awssecret{i}")
    k["AWS_SESSION_1"] = "IQoJb3JpZ2lu" + "X2VjE" + rnd(B64, 220, "awssession")
    # AWS's own documented example pair (IAM user guide, "Managing access keys").
    k["AWS_DOC_ID"] = "AKIAIOSF" + "ODNN7EXAMPLE"
    k["AWS_DOC_SECRET"] = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"
    # GitHub
    for name, prefix in (("GH_PAT", "ghp"), ("GH_PAT_2", "ghp"), ("GH_PAT_3", "ghp"), ("GHO", "gho"),
                         ("GHS", "ghs"), ("GHS_2", "ghs"), ("GHR", "ghr"), ("GHU", "ghu"), ("GH_COMMENT", "ghp")):
        k[name] = gh_token(prefix + "_", name)
    good = gh_token("ghp" + "_", "badsum")
    k["GH_BADSUM"] = good[:-6] + ("A" if good[-6] != "A" else "B") + good[-5:][::-1]
    assert gh_checksum(k["GH_BADSUM"][4:-6]) != k["GH_BADSUM"][-6:]
    k["GH_FINE"] = "github" + "_pat_" + "11" + rnd(UPALNUM, 20, "fine1") + "_" + rnd(ALNUM, 59, "fine2")
    # GitLab: https://docs.gitlab.com/ee/security/tokens/#token-prefixes
    k["GLPAT"] = "glpat" + "-" + rnd(URLSAFE, 20, "glpat")
    k["GLPAT_2"] = "glpat" + "-" + rnd(URLSAFE, 20, "glpat2")
    k["GLPAT_COMMENT"] = "glpat" + "-" + rnd(URLSAFE, 20, "glpat3")
    k["GLPAT_X"] = "glpat" + "-" + "x" * 20
    k["GLDT"] = "gldt" + "-" + rnd(URLSAFE, 20, "gldt")
    k["GLRT"] = "glrt" + "-" + rnd(URLSAFE, 20, "glrt")
    k["GR13"] = "GR1348941" + rnd(URLSAFE, 20, "gr13")
    k["GLPTT"] = "glptt" + "-" + rnd(HEX, 40, "glptt")
    k["GLOAS"] = "gloas" + "-" + rnd(HEX, 64, "gloas")
    # Google Cloud API keys: https://cloud.google.com/docs/authentication/api-keys
    for i in range(1, 6):
        k[f"AIZA_{i}"] = "AI" + "za" + rnd(URLSAFE, 35, f"aiza{i}")
    # Azure
    for i in range(1, 4):
        k[f"AZ_KEY_{i}"] = base64.b64encode(rbytes(64, f"azkey{i}")).decode()
    k["AZ_SIG"] = urllib.parse.quote(base64.b64encode(rbytes(32, "azsig")).decode(), safe="")
    k["AZ_SB_KEY"] = base64.b64encode(rbytes(32, "azsb")).decode()
    for i in (1, 2):
        k[f"AZ_AD_SECRET{'' if i == 1 else '_2'}"] = (
            rnd(ALNUM, 3, f"azad{i}") + rnd(DIGITS, 1, f"azadd{i}") + "Q" + "~" + rnd(ALNUM + "_~.-", 34, f"azadt{i}")
        )
    # Azurite (local emulator) key, published by Microsoft in the Azurite docs.
    k["AZURITE_KEY"] = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IF" + "suFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    # Slack: https://api.slack.com/authentication/token-types
    k["XOXB"] = "xo" + "xb-" + rnd(DIGITS, 13, "xb1") + "-" + rnd(DIGITS, 13, "xb2") + "-" + rnd(ALNUM, 24, "xb3")
    k["XOXB_COMMENT"] = "xo" + "xb-" + rnd(DIGITS, 13, "xc1") + "-" + rnd(DIGITS, 13, "xc2") + "-" + rnd(ALNUM, 24, "xc3")
    k["XOXP"] = ("xo" + "xp-" + rnd(DIGITS, 13, "xp1") + "-" + rnd(DIGITS, 13, "xp2") + "-"
                 + rnd(DIGITS, 13, "xp3") + "-" + rnd(HEX, 32, "xp4"))
    k["XAPP"] = "xa" + "pp-1-A" + rnd(UPALNUM, 10, "xa1") + "-" + rnd(DIGITS, 13, "xa2") + "-" + rnd(HEX, 64, "xa3")
    k["XOXE"] = "xo" + "xe-1-" + rnd(ALNUM, 140, "xoxe")
    for i, sfx in ((1, ""), (2, "_2")):
        k["SLACK_HOOK" + sfx] = ("https://hooks.slack.com/services/" + "T" + rnd(UPALNUM, 10, f"ht{i}")
                                 + "/B" + rnd(UPALNUM, 10, f"hb{i}") + "/" + rnd(ALNUM, 24, f"hx{i}"))
    k["SLACK_HOOK_DOC"] = "https://hooks.slack.com/services/" + "T00000000/B00000000/" + "X" * 24
    # Stripe: https://docs.stripe.com/keys
    k["SK_LIVE"] = "sk_" + "live_" + rnd(ALNUM, 24, "sklive")
    k["SK_LIVE_2"] = "sk_" + "live_51" + rnd(ALNUM, 97, "sklive2")
    k["SK_LIVE_3"] = "sk_" + "live_51" + rnd(ALNUM, 97, "sklive3")
    k["SK_LIVE_ENV"] = "sk_" + "live_" + rnd(ALNUM, 24, "skliveenv")
    k["RK_LIVE"] = "rk_" + "live_51" + rnd(ALNUM, 97, "rklive")
    k["WHSEC"] = "wh" + "sec_" + rnd(ALNUM, 32, "whsec")
    k["SK_TEST"] = "sk_" + "test_51" + rnd(ALNUM, 97, "sktest")
    k["PK_LIVE"] = "pk_" + "live_51" + rnd(ALNUM, 97, "pklive")
    k["SK_TEST_DOC"] = "sk_" + "test_" + "4eC39HqLyjWD" + "arjtT1zdp7dc"  # Stripe API reference's shared sample key
    # Twilio: https://www.twilio.com/docs/glossary/what-is-a-sid , https://www.twilio.com/docs/iam/api-keys
    for i in range(1, 5):
        k[f"TW_AC_{i}"] = "A" + "C" + rnd(HEX, 32, f"twac{i}")
    for i in (1, 2):
        k[f"TW_SK_{i}"] = "S" + "K" + rnd(HEX, 32, f"twsk{i}")
    k["TW_APISECRET"] = rnd(ALNUM, 32, "twsec1")
    k["TW_APISECRET_2"] = rnd(ALNUM, 32, "twsec2")
    k["TW_SM"] = "S" + "M" + rnd(HEX, 32, "twsm")
    # SendGrid (gitleaks rule sendgrid-api-token)
    for i in range(1, 6):
        k[f"SG_{i}"] = "S" + "G." + rnd(URLSAFE, 22, f"sga{i}") + "." + rnd(URLSAFE, 43, f"sgb{i}")
    # Mailgun
    k["MG_KEY_1"] = "ke" + "y-" + rnd(HEX, 32, "mg1")
    k["MG_KEY_2"] = "ke" + "y-" + rnd(HEX, 32, "mg2")
    k["MG_NEW_1"] = rnd(HEX, 32, "mgn1") + "-" + rnd(HEX, 8, "mgn2") + "-" + rnd(HEX, 8, "mgn3")
    k["MG_SMTP_PW"] = rnd(HEX, 32, "mgs1") + "-" + rnd(HEX, 8, "mgs2") + "-" + rnd(HEX, 8, "mgs3")
    k["MG_PUB"] = "pub" + "key-" + rnd(HEX, 32, "mgpub")
    # OpenAI (gitleaks rule openai-api-key: the marker T3BlbkFJ is base64 of "OpenAI")
    marker = "T3Blbk" + "FJ"
    k["OAI_LEGACY"] = "sk-" + rnd(ALNUM, 20, "oail1") + marker + rnd(ALNUM, 20, "oail2")
    k["OAI_LEGACY_2"] = "sk-" + rnd(ALNUM, 20, "oail3") + marker + rnd(ALNUM, 20, "oail4")
    k["OAI_LEGACY_ENV"] = "sk-" + rnd(ALNUM, 20, "oail5") + marker + rnd(ALNUM, 20, "oail6")
    k["OAI_PROJ"] = "sk-" + "proj-" + rnd(URLSAFE, 74, "oaip1") + marker + rnd(URLSAFE, 74, "oaip2")
    k["OAI_PROJ_2"] = "sk-" + "proj-" + rnd(URLSAFE, 74, "oaip3") + marker + rnd(URLSAFE, 74, "oaip4")
    k["OAI_PROJ_COMMENT"] = "sk-" + "proj-" + rnd(URLSAFE, 74, "oaip5") + marker + rnd(URLSAFE, 74, "oaip6")
    k["OAI_SVC"] = "sk-" + "svcacct-" + rnd(URLSAFE, 74, "oais1") + marker + rnd(URLSAFE, 74, "oais2")
    k["OAI_ADMIN"] = "sk-" + "admin-" + rnd(URLSAFE, 58, "oaia1") + marker + rnd(URLSAFE, 58, "oaia2")
    k["OAI_ORG"] = "org-" + rnd(ALNUM, 24, "oaiorg")
    # Anthropic (gitleaks rules anthropic-api-key, anthropic-admin-api-key)
    for i in range(1, 6):
        k[f"ANT_{i}"] = "sk-" + "ant-api03-" + rnd(URLSAFE, 93, f"ant{i}") + "AA"
    k["ANT_ADMIN"] = "sk-" + "ant-admin01-" + rnd(URLSAFE, 93, "antadm") + "AA"
    # Hugging Face: https://huggingface.co/docs/hub/security-tokens (gitleaks huggingface-access-token)
    for i in range(1, 6):
        k[f"HF_{i}"] = "h" + "f_" + rnd(LETTERS, 34, f"hf{i}")
    k["HF_ORG"] = "api_" + "org_" + rnd(LETTERS, 34, "hforg")
    # Google OAuth
    for i in range(1, 4):
        k[f"GOCSPX_{i}"] = "GOC" + "SPX-" + rnd(URLSAFE, 28, f"gocspx{i}")
    for i, sfx in ((1, ""), (2, "_2")):
        k["GCLIENT_ID" + sfx] = rnd(DIGITS, 12, f"gcid{i}") + "-" + rnd(LOWER + DIGITS, 32, f"gcidb{i}") + ".apps.googleusercontent.com"
    k["GREFRESH"] = "1//0" + rnd(URLSAFE, 99, "grefresh")
    k["YA29"] = "ya" + "29." + rnd(URLSAFE, 150, "ya29")
    # npm
    for i in range(1, 6):
        k[f"NPM_{i}"] = gh_token("np" + "m_", f"npm{i}")
    k["NPM_X"] = "np" + "m_" + "X" * 36
    k["NPM_INTEGRITY"] = "sha512-" + base64.b64encode(hashlib.sha512(b"left-pad@1.3.0").digest()).decode()
    # PyPI: https://pypi.org/help/#apitoken (macaroon; the fixed prefix encodes "pypi.org")
    for i in range(1, 5):
        k[f"PYPI_{i}"] = "pypi-" + "AgEIcHlwaS5vcmc" + rnd(URLSAFE, 150, f"pypi{i}")
    k["TESTPYPI_1"] = "pypi-" + "AgENdGVzdC5weXBpLm9yZw" + rnd(URLSAFE, 150, "testpypi")
    # Docker Hub
    for i in range(1, 5):
        k[f"DCKR_{i}"] = "dckr" + "_pat_" + rnd(URLSAFE, 27, f"dckr{i}")
    k["DOCKER_AUTH_B64"] = base64.b64encode(("acmebot:" + "dckr" + "_pat_" + rnd(URLSAFE, 27, "dckr9")).encode()).decode()
    # Databricks
    for i in range(1, 6):
        k[f"DAPI_{i}"] = "da" + "pi" + rnd(HEX, 32, f"dapi{i}") + ("-2" if i == 5 else "")
    # Heroku (v2 tokens: gitleaks heroku-api-key-v2)
    for i in range(1, 4):
        k[f"HRKU_{i}"] = "HR" + "KU-AA" + rnd(URLSAFE, 58, f"hrku{i}")
    # DigitalOcean
    k["DOP_1"] = "do" + "p_v1_" + rnd(HEX, 64, "dop1")
    k["DOP_2"] = "do" + "p_v1_" + rnd(HEX, 64, "dop2")
    k["DOP_ENV"] = "do" + "p_v1_" + rnd(HEX, 64, "dop3")
    k["DOO_1"] = "do" + "o_v1_" + rnd(HEX, 64, "doo1")
    k["DOR_1"] = "do" + "r_v1_" + rnd(HEX, 64, "dor1")
    k["DO_SPACES_ID"] = "DO" + "00" + rnd(UPALNUM, 16, "dospid")
    k["DO_SPACES_SECRET"] = rnd(B64, 43, "dospsec")
    # Shopify (gitleaks shopify-access-token, -shared-secret, -custom-access-token, -private-app-access-token)
    for name, prefix in (("SHPAT", "shpat_"), ("SHPAT_2", "shpat_"), ("SHPSS", "shpss_"), ("SHPCA", "shpca_"), ("SHPPA", "shppa_")):
        k[name] = prefix[:3] + prefix[3:] + rnd(HEX, 32, name)
    # Discord: https://discord.com/developers/docs/reference#authentication
    for i in range(1, 4):
        snowflake = str(random.Random(f"snow{i}").randrange(10**17, 12 * 10**17))
        k[f"DISCORD_BOT_{i}"] = b64url(snowflake.encode()) + "." + rnd(URLSAFE, 6, f"dbt{i}") + "." + rnd(URLSAFE, 38, f"dbs{i}")
    for i, sfx in ((1, ""), (2, "_2")):
        k["DISCORD_HOOK" + sfx] = ("https://discord.com/api/" + "webhooks/" + rnd(DIGITS, 19, f"dwid{i}")
                                   + "/" + rnd(URLSAFE, 68, f"dwtok{i}"))
    # Telegram: https://core.telegram.org/bots/api#authorizing-your-bot
    for i in range(1, 6):
        k[f"TG_{i}"] = rnd("123456789", 1, f"tgd{i}") + rnd(DIGITS, 9, f"tg{i}") + ":" + "AA" + rnd(URLSAFE, 33, f"tgs{i}")
    k["TG_DOC"] = "123456:" + "ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
    # JWTs (RFC 7519)
    k["JWT_1"] = jwt_token("HS256", {"sub": "4821", "name": "svc-billing", "role": "admin", "iat": 1717171717, "exp": 1893456000}, 32, "jwt1")
    k["JWT_2"] = jwt_token("RS256", {"iss": "https://auth.acme.io/", "sub": "auth0|64f1c2", "aud": "https://api.acme.io", "scope": "read:orders", "exp": 1893456000}, 256, "jwt2")
    k["JWT_3"] = jwt_token("HS256", {"user_id": 17, "is_staff": True, "exp": 1893456000}, 32, "jwt3")
    k["JWT_4"] = jwt_token("ES256", {"iss": "acme-ci", "sub": "deploy", "exp": 1893456000}, 64, "jwt4")
    k["JWT_DOC"] = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
                    + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")  # jwt.io's debugger example
    k["JWT_HEADER"] = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    # PEM blocks: BEGIN_<kind>, END_<kind>, <kind>_BODY_<n>, and escaped one-liners
    for kind in _PEM_KINDS:
        lines = pem_lines(kind, 3, "pem" + kind)
        k["BEGIN_" + kind] = lines[0]
        k["END_" + kind] = lines[-1]
        for j, line in enumerate(lines[1:-1], 1):
            k[f"{kind}_BODY_{j}"] = line
    for name, kind in (("PEM_PKCS8_ESC", "PKCS8"), ("PEM_PKCS8_ESC_2", "PKCS8"), ("PEM_RSA_ESC", "RSA"), ("PEM_OPENSSH_ESC", "OPENSSH")):
        k[name] = "\\n".join(pem_lines(kind, 4, name)) + "\\n"
    return k


KEYS = _build()
_DYNAMIC = {"HEX32_": (HEX, 32), "HEX40_": (HEX, 40), "HEX64_": (HEX, 64)}
PLACEHOLDER = re.compile(r"@@([A-Z0-9_]+)@@")


def key(name: str) -> str:
    """The value of placeholder `name` (generated on demand for the HEX*/UUID_ prefixes)."""
    if name in KEYS:
        return KEYS[name]
    for prefix, (alphabet, n) in _DYNAMIC.items():
        if name.startswith(prefix):
            return rnd(alphabet, n, name)
    if name.startswith("UUID_"):
        return str(uuid.UUID(bytes=rbytes(16, name), version=4))
    raise KeyError(f"unknown placeholder @@{name}@@")


def materialize(source: str) -> str:
    """Replace every ``@@NAME@@`` in `source` with its value."""
    return PLACEHOLDER.sub(lambda m: key(m.group(1)), source)
