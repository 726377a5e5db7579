"""The fixture grammar, pylint's functional-test style, read from real comments only.

``x = 1  # [symbol]`` expects `symbol` on that line; ``# [sym-a, sym-b]`` expects both;
``# +1: [symbol]`` / ``# -2: [symbol]`` expect it on a line relative to the comment's. Every
other line must produce no finding at all. Comments are found with `tokenize`, so a ``#`` in
a string literal is never read as an annotation.

Fixtures may hold ``@@NAME@@`` placeholders for credentials that must not sit in the
repository in full (push protection); `materialize` replaces them with keys assembled at
test time from `TEST_KEYS`.
"""

from __future__ import annotations

import io
import random
import re
import tokenize
import zlib
from collections import Counter
from pathlib import Path

ANNOTATION = re.compile(r"#\s*(?:([+-]\d+):\s*)?\[([a-z][a-z, -]*)\]")
HERE = Path(__file__).parent


def expected(source: str) -> Counter:
    """``Counter({(line, symbol): count})`` from a fixture's annotations."""
    out: Counter = Counter()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        for m in ANNOTATION.finditer(tok.string):
            line = tok.start[0] + int(m.group(1) or 0)
            for sym in m.group(2).split(","):
                if sym.strip():
                    out[(line, sym.strip())] += 1
    return out


def _assemble(prefix: str, alphabet: str, n: int, seed: int, suffix: str = "") -> str:
    rng = random.Random(seed)
    return prefix + "".join(rng.choice(alphabet) for _ in range(n)) + suffix


_UP32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_URLSAFE = _ALNUM + "-_"


def _github_token(prefix: str, seed: int) -> str:
    """A GitHub-format token with a valid checksum: 30 random base62 characters, then the
    base62 of their CRC32 left-padded to 6 (GitHub blog, 2021-04-05). Computed here, not
    with the code under test."""
    body = _assemble("", _ALNUM, 30, seed)
    n, digits = zlib.crc32(body.encode()), ""
    while n:
        n, r = divmod(n, 62)
        digits = _BASE62[r] + digits
    return prefix + body + digits.rjust(6, "0")


_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_HEX = "0123456789abcdef"
_B64 = _ALNUM + "+/"

# Keys in each provider's format, assembled at test time so that no full credential is
# committed. Formats: see aisec_shared.analysis.credentials.CATALOGUE.
TEST_KEYS = {
    "AWS_KEY_ID": _assemble("AKIA", _UP32, 16, 1),
    "AWS_TEMP_KEY_ID": _assemble("ASIA", _UP32, 16, 2),
    "GITHUB_PAT": _github_token("ghp_", 3),
    "GITHUB_APP_TOKEN": _github_token("ghs_", 4),
    "GITHUB_BAD_CHECKSUM": _assemble("ghp_", _ALNUM, 36, 13),
    "GITHUB_FINE_GRAINED": _assemble("github_pat_", _ALNUM, 22, 5) + _assemble("_", _ALNUM, 59, 6),
    "SLACK_BOT": "xoxb-" + _assemble("", "0123456789", 12, 7) + "-" + _assemble("", "0123456789", 13, 8) + "-" + _assemble("", _ALNUM, 24, 9),
    "STRIPE_LIVE": _assemble("sk_" + "live_", _ALNUM, 24, 10),
    "OPENAI_PROJECT": _assemble("sk-proj-", _URLSAFE, 64, 11),
    "ANTHROPIC": _assemble("sk-ant-api03-", _URLSAFE, 93, 12),
    "PEM_HEADER": "-----BEGIN " + "RSA PRIVATE KEY-----",
    # AIS102: more provider formats, look-alikes and documented example keys.
    "GITLAB_PAT": _assemble("glpat" + "-", _URLSAFE, 20, 14),
    "SLACK_WEBHOOK": "https://hooks.slack.com/services/" + _assemble("T", _UP32, 10, 15)
    + _assemble("/B", _UP32, 10, 16) + _assemble("/", _ALNUM, 24, 17),
    "AWS_SECRET": _assemble("", _B64, 40, 18),
    "AWS_DOC_SECRET": "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
    "DD_API_KEY": _assemble("", _HEX, 32, 19),
    "DD_APP_KEY": _assemble("", _HEX, 40, 23),
    "GCP_API_KEY": _assemble("AI" + "za", _URLSAFE, 35, 20),
    "NPM_TOKEN": _assemble("npm" + "_", _ALNUM, 36, 21),
    "JWT": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMDAwMDAwMH0."
    + _assemble("", _URLSAFE, 43, 22),
    "JWT_IO_EXAMPLE": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "AZURITE_KEY": "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/" + "K1SZFPTOtr/KBHBeksoGMGw==",
    # AIS103: a connection-string password, a bearer token, and base64("svc:" + password).
    "CONN_PASSWORD": "Pq7" + "-vx2" + "-Lm9",
    "BEARER_TOKEN": _assemble("", _ALNUM, 32, 103),
    "BASIC_CREDENTIALS": "c3Zj" + "OkJhNS1p" + "Yzk5UQ==",
}


def materialize(source: str) -> str:
    """Replace ``@@NAME@@`` placeholders with `TEST_KEYS`; unknown names raise KeyError."""
    return re.sub(r"@@([A-Z_]+)@@", lambda m: TEST_KEYS[m.group(1)], source)
