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

# Keys in each provider's format, assembled at test time so that no full credential is
# committed. Formats: see FORMATS in aisec_shared.rules.ais102_hardcoded_provider_key.
TEST_KEYS = {
    "AWS_KEY_ID": _assemble("AKIA", _UP32, 16, 1),
    "AWS_TEMP_KEY_ID": _assemble("ASIA", _UP32, 16, 2),
    "GITHUB_PAT": _assemble("ghp_", _ALNUM, 36, 3),
    "GITHUB_APP_TOKEN": _assemble("ghs_", _ALNUM, 36, 4),
    "GITHUB_FINE_GRAINED": _assemble("github_pat_", _ALNUM, 22, 5) + _assemble("_", _ALNUM, 59, 6),
    "SLACK_BOT": "xoxb-" + _assemble("", "0123456789", 12, 7) + "-" + _assemble("", "0123456789", 13, 8) + "-" + _assemble("", _ALNUM, 24, 9),
    "STRIPE_LIVE": _assemble("sk_" + "live_", _ALNUM, 24, 10),
    "OPENAI_PROJECT": _assemble("sk-proj-", _URLSAFE, 64, 11),
    "ANTHROPIC": _assemble("sk-ant-api03-", _URLSAFE, 93, 12),
    "PEM_HEADER": "-----BEGIN " + "RSA PRIVATE KEY-----",
}


def materialize(source: str) -> str:
    """Replace ``@@NAME@@`` placeholders with `TEST_KEYS`; unknown names raise KeyError."""
    return re.sub(r"@@([A-Z_]+)@@", lambda m: TEST_KEYS[m.group(1)], source)
