"""AIS102 hardcoded-provider-key: a string literal in the format of a real credential.

## What it does
Flags any string or bytes literal that contains a credential in a provider's documented
format, whatever name it is bound to (or none): AWS access key ids, GitHub tokens (classic,
OAuth, user-to-server, server-to-server, refresh, fine-grained), Slack tokens, Stripe live
secret and restricted keys, OpenAI and Anthropic API keys, and PEM / OpenSSH private key
blocks. It wins over AIS101 on the same literal.

## Why is this bad?
A key in a known format is almost never a placeholder: it grants access to a real account,
and bots scan public repositories for these prefixes within minutes of a push. Once
committed, the key must be revoked, not just deleted.

## Example
```python
DEPLOY_KEY = '''-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
-----END OPENSSH PRIVATE KEY-----'''
```

## Use instead
```python
import os

DEPLOY_KEY = os.environ["DEPLOY_KEY"]
```

## Known problems
AWS's documented example key id ``AKIAIOSFODNN7EXAMPLE`` and keys containing ``EXAMPLE``
are reported with low confidence only (hidden at the default ``aisec-min-confidence``).
GitHub token checksums are not verified yet, so a random string of the right shape is
reported. A PEM header without key material after it (a template, a ``startswith`` check,
documentation) is not reported. Keys split across several literals are missed.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [AWS IAM identifiers: unique ID prefixes](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids)
- [GitHub: About authentication to GitHub, GitHub's token formats](https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats)
- [Slack: Token types](https://api.slack.com/concepts/token-types)
- [Stripe: API keys](https://docs.stripe.com/keys)
- [OpenAI: API reference, authentication](https://platform.openai.com/docs/api-reference/authentication)
- [Anthropic: API overview, authentication](https://docs.anthropic.com/en/api/overview)
- [RFC 7468: Textual encodings of PKIX, PKCS and CMS structures](https://www.rfc-editor.org/rfc/rfc7468)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterator

from ..analysis.words import mask
from ..checks import Confidence, FileContext, Hit, hit, on


@dataclass(frozen=True)
class KeyFormat:
    """One credential format.

    Attributes:
        label: what the message calls it ("an AWS access key id").
        hint: a substring every match contains, checked before the regex runs.
        pattern: the format; linear-time (a literal prefix, then bounded character classes).
        prefix_len: characters of a match that may be shown unmasked (the public prefix).
        source: where the provider documents the format.
    """

    label: str
    hint: str
    pattern: re.Pattern[str]
    prefix_len: int
    source: str


FORMATS: tuple[KeyFormat, ...] = (
    KeyFormat(
        "an AWS access key id",
        "A",
        re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])"),
        4,
        "AWS IAM User Guide, 'IAM identifiers', unique ID prefixes (AKIA access key, ASIA temporary)",
    ),
    KeyFormat(
        "a GitHub token",
        "gh",
        re.compile(r"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])"),
        4,
        "GitHub docs, 'GitHub's token formats' (ghp_, gho_, ghu_, ghs_, ghr_); GitHub blog "
        "'Behind GitHub's new authentication token formats', 2021-04-05",
    ),
    KeyFormat(
        "a GitHub fine-grained token",
        "github_pat_",
        re.compile(r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])"),
        11,
        "GitHub docs, 'GitHub's token formats' (github_pat_ fine-grained personal access tokens)",
    ),
    KeyFormat(
        "a Slack token",
        "xox",
        re.compile(r"(?<![A-Za-z0-9])xox[abposre]-[0-9]{6,16}-[0-9A-Za-z-]{8,120}"),
        5,
        "Slack API docs, 'Token types' (xoxb- bot, xoxp- user, xoxa-/xoxr- rotating, xoxe-)",
    ),
    KeyFormat(
        "a Stripe live key",
        "_live_",
        re.compile(r"(?<![A-Za-z0-9])(?:sk|rk)_live_[0-9A-Za-z]{20,247}(?![0-9A-Za-z])"),
        8,
        "Stripe docs, 'API keys' (sk_live_ secret keys, rk_live_ restricted keys)",
    ),
    KeyFormat(
        "an OpenAI API key",
        "sk-",
        re.compile(
            r"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,300}"
            r"|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])"
        ),
        8,
        "OpenAI API reference, 'Authentication' (project keys sk-proj-, service-account keys "
        "sk-svcacct-, admin keys sk-admin-; legacy keys carry 'T3BlbkFJ', base64 of 'OpenAI')",
    ),
    KeyFormat(
        "an Anthropic API key",
        "sk-ant-",
        re.compile(r"(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])"),
        10,
        "Anthropic API docs, 'API overview' (x-api-key keys sk-ant-api03-, admin keys sk-ant-admin01-)",
    ),
    KeyFormat(
        "a PEM private key block",
        "PRIVATE KEY",
        # The header alone is a template or a format check; a leaked key has its body after it.
        re.compile(
            r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
            r"[ \t]*\r?\n(?:[A-Za-z-]{1,40}: [^\n]{0,200}\r?\n)*[ \t]*[A-Za-z0-9+/=]{40}"
        ),
        0,
        "RFC 7468 sections 10-11 ('PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'); OpenSSH PROTOCOL.key; "
        "RFC 4880 section 6.2 ('PGP PRIVATE KEY BLOCK')",
    ),
)

# Placeholder look-alikes: the documented example ids providers print in their own docs.
_DOC_EXAMPLE_MARK = "EXAMPLE"
# Literals longer than this are scanned only in their first part (cost bound, e.g. a
# vendored data blob); a key beyond it is missed, documented in Known problems of issue 8.
_MAX_SCAN = 1_000_000


@on(ast.Constant)
def check_constant(node: ast.Constant, ctx: FileContext) -> Iterator[Hit]:
    value = node.value
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    elif not isinstance(value, str):
        return
    if len(value) < 20:
        return
    text = value[:_MAX_SCAN]
    for fmt in FORMATS:
        if fmt.hint not in text:
            continue
        match = fmt.pattern.search(text)
        if match is None:
            continue
        found = match.group(0)
        conf = Confidence.LOW if _DOC_EXAMPLE_MARK in found.upper() else Confidence.HIGH
        shown = f"'{found.split(chr(10))[0].strip()}'" if fmt.prefix_len == 0 else mask(found, keep=fmt.prefix_len)
        yield hit(node, fmt.label, shown, confidence=conf)
        return
