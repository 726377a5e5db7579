"""Credential formats as data: one row per provider format, and a linear-time scanner.

Each `CredentialFormat` row names the provider, the kind of credential (as a message says
it), a compiled pattern, an optional validator (a checksum, a decodable structure), an
optional `Context` (for values with no telling prefix), and ``source``: the URL where the
provider documents the format, or the gitleaks / detect-secrets rule the row is modelled on.

Every pattern is linear on any input: a literal prefix (or a one-character lookbehind
boundary before it), then bounded character classes; no nested quantifiers, no unbounded
repeats. Each row lists ``hints`` (substrings every match contains, checked with ``in``
before the pattern runs); one prefilter regex built from every row's hints (`_PREFILTER`)
and one shape test for the rows without a prefix (`_CONTEXT_SHAPE`) dismiss most literals
with two searches in C before any row is looked at.

Values that carry no prefix (an AWS secret access key, a Twilio auth token or API key
secret, Datadog keys, a bare Azure account key, an old UUID Heroku key, a registry ``auth``)
are only recognised with context: the whole literal must have the format *and* the name it
is bound to must say so (``aws_secret_access_key``, ``DD_API_KEY``, ``TWILIO_AUTH_TOKEN``),
or the file must also hold the matching public half of the pair (an ``AKIA...`` access key
id, an ``AC...`` account SID, an ``SK...`` API key SID) or, for Datadog, import ``datadog``.

`find_all` returns every match in a text, `find` the first by catalogue order. Placeholders
(``EXAMPLE``, ``DUMMY``, runs of one character) and keys that providers publish in their own
documentation (recognised by SHA-256, so they are not repeated here) come back with low
confidence.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from operator import itemgetter
from typing import Callable, Iterator, NamedTuple, Union

from ..findings import Confidence
from .words import split_words
from .patterns import LazyPattern, rarity
from .patterns import lazy_compile

__all__ = [
    "Context",
    "CredentialFormat",
    "Found",
    "CATALOGUE",
    "BY_ID",
    "find",
    "find_all",
    "may_hold",
    "may_hold_tests",
    "prefix_match",
    "holds_credential",
    "documented_key",
    "github_checksum",
    "normalized_name",
    "truncated_der_block",
]


class Context(NamedTuple):
    """When a value with no telling prefix is this credential.

    The row's pattern must match the whole literal (stripped), and either every pattern in
    `names` matches the bound name (`normalized_name`), or `pair` matches somewhere in the
    file and every pattern in `pair_names` matches the bound name ("" when unbound).
    """

    names: tuple[re.Pattern[str] | LazyPattern, ...] = ()
    pair: re.Pattern[str] | LazyPattern | None = None
    pair_names: tuple[re.Pattern[str] | LazyPattern, ...] = ()


class CredentialFormat(NamedTuple):
    """One credential format.

    Attributes:
        id: stable slug (``github-classic-pat``).
        provider: who issues it.
        kind: what a message calls it (``"a GitHub fine-grained token"``).
        pattern: the format; a named group ``key`` (if any) is the secret part.
        source: URL of the provider's documentation of the format, or of the gitleaks /
            detect-secrets rule the row follows.
        hints: substrings every match contains; the pattern runs only when one is present.
        hints_nocase: compare `hints` with the lowercased text.
        gate: for a row whose hints are common (``.``, ``AC``) or anchored on frequent
            characters, a linear pattern every match of `pattern` contains a match of;
            searched before `pattern` runs, and in place of the hints by the catalogue-wide
            prefilter (see `find_all`). Each of its top-level alternatives starts with a
            literal character, not repeated (the prefilter's skip in C needs every
            alternative to; `_gate_alternatives` checks), and it reads no line break
            (`prefix_match`).
        validator: extra check on a match (a checksum, a decodable header).
        context: for values without a prefix: see `Context`. Such rows match whole literals.
        keep: leading characters of the secret a message may show (its public prefix);
            -1 shows the armour header line of a key block instead of a masked value.
        confidence: when the match is neither a placeholder nor a documented example.
        short_lived: a token that stops working by itself (a JWT's ``exp``), which test
            suites and API docs carry signed with throwaway keys: AIS102 reports it at low
            confidence in docstrings and test files.
    """

    id: str
    provider: str
    kind: str
    pattern: re.Pattern[str] | LazyPattern
    source: str
    hints: tuple[str, ...] = ()
    hints_nocase: bool = False
    gate: re.Pattern[str] | LazyPattern | None = None
    validator: Callable[[re.Match[str]], bool] | None = None
    context: Context | None = None
    keep: int = 0
    confidence: Confidence = Confidence.HIGH
    short_lived: bool = False


class Found(NamedTuple):
    """A credential in a text.

    Attributes:
        fmt: the catalogue row.
        secret: the credential (never print it: see `words.mask`).
        start, end: offsets of the secret in the scanned text.
        confidence: LOW for placeholders and documented example keys.
        shown: for key blocks (``keep == -1``), the armour header to print; else "".
    """

    fmt: CredentialFormat
    secret: str
    start: int
    end: int
    confidence: Confidence
    shown: str = ""


# --------------------------------------------------------------------------- validators
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def github_checksum(body: str) -> str:
    """The 6-character checksum GitHub appends to a 30-character token body.

    Base62 (``0-9A-Za-z``) of the CRC32 of the body, left-padded with ``0``: GitHub blog,
    "Behind GitHub's new authentication token formats" (2021-04-05).
    """
    n = zlib.crc32(body.encode("ascii", "replace")) & 0xFFFFFFFF
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _BASE62[r] + out
    return out.rjust(6, "0")


def _github_valid(m: re.Match[str]) -> bool:
    token = m.group("body")
    return len(token) == 36 and github_checksum(token[:30]) == token[30:]


def _mixed(m: re.Match[str]) -> bool:
    """Random base62/base64: has an upper-case letter, a lower-case letter and a digit."""
    s = m.group("key") if "key" in m.re.groupindex else m.group(0)
    return any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s)


def _hex_random(m: re.Match[str]) -> bool:
    """A random hex string has both digits and letters (a 32-digit number is not a key)."""
    s = m.group("key") if "key" in m.re.groupindex else m.group(0)
    return any(c.isdigit() for c in s) and any(c.isalpha() for c in s)


def _hf_random(m: re.Match[str]) -> bool:
    """Hugging Face tokens are random letters: not a camelCase identifier after ``hf_``."""
    s = m.group(0)[3:]
    return sum(c.isupper() for c in s) >= 6 and sum(c.islower() for c in s) >= 6


def _b64decode(part: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return None


def _discord_valid(m: re.Match[str]) -> bool:
    """The first part of a Discord token is the base64 of the bot's numeric user id."""
    raw = _b64decode(m.group("uid"))
    return raw is not None and 17 <= len(raw) <= 20 and raw.isdigit()


def _jwt_valid(m: re.Match[str]) -> bool:
    """A signed JWT: the header is a JSON object naming an algorithm other than ``none``."""
    raw = _b64decode(m.group("header"))
    if raw is None:
        return False
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    alg = header.get("alg") if isinstance(header, dict) else None
    return isinstance(alg, str) and alg.lower() != "none" and bool(m.group("sig"))


_ARMOR_HEADER = lazy_compile(r"[A-Za-z-]{1,40}: ")
_KEY_BODY = lazy_compile(r"[A-Za-z0-9+/=]{40}")


def _has_key_body(m: re.Match[str]) -> bool:
    """Key material follows the BEGIN line: after a line break (or a JSON ``\\n`` escape),
    optional armour headers (``Proc-Type: ...``, ``Version: ...``) and blank lines, a line
    of at least 40 base64 characters. Comment markers (``#``) and indentation are ignored,
    so a key pasted into consecutive comment lines counts. A header alone (a template, a
    ``startswith`` check, documentation) does not.
    """
    rest = m.string[m.end():m.end() + 4000].replace("\\r\\n", "\n").replace("\\n", "\n").lstrip(" \t")
    if not rest.startswith(("\n", "\r\n")):
        return False
    for line in rest.split("\n", 12)[1:12]:
        line = line.strip().lstrip("#").strip()
        if not line or _ARMOR_HEADER.match(line):
            continue
        return _KEY_BODY.match(line) is not None
    return False


# How far after a DER key block's BEGIN line its END line is looked for: an 8192-bit RSA key
# in PKCS#8 is about 6,300 base64 characters, with line breaks and indentation well within.
_DER_WINDOW = 16000
_BASE64_LINE = lazy_compile(r"[A-Za-z0-9+/]{1,16000}={0,2}")


def truncated_der_block(text: str, begin_end: int) -> bool:
    """True when the PEM block whose BEGIN line ends at offset `begin_end` of `text` holds
    less DER than it declares: a stub cut to a line or two to exercise a PEM parser or a
    regular expression, which no library can load as a key. PKCS#1, SEC 1 and PKCS#8 keys
    (RFC 8017, RFC 5915, RFC 5958), and the encrypted form of PKCS#8, are one DER
    ``SEQUENCE`` (tag ``0x30``) whose header gives its length (X.690 section 8.1.3). False,
    so the block is judged as a key, whenever the body cannot be read that way: no END line
    within `_DER_WINDOW` characters, armour headers (a legacy encrypted body is ciphertext),
    a line that is not base64, base64 that does not decode, or a first byte that is no
    SEQUENCE."""
    end = text.find("-----END", begin_end, begin_end + _DER_WINDOW)
    if end < 0:
        return False
    body = text[begin_end:end].replace("\\r\\n", "\n").replace("\\n", "\n")
    parts = []
    for line in body.split("\n"):
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if not _BASE64_LINE.fullmatch(line):
            return False
        parts.append(line)
    data_text = "".join(parts)
    try:
        data = base64.b64decode(data_text + "=" * (-len(data_text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(data) < 2 or data[0] != 0x30:
        return False
    first = data[1]
    if first < 0x80:
        declared = 2 + first
    else:
        size = first & 0x7F
        if not 0 < size <= 4:
            return False
        if len(data) < 2 + size:
            return True
        declared = 2 + size + int.from_bytes(data[2:2 + size], "big")
    return declared > len(data)


def _sas_valid(m: re.Match[str]) -> bool:
    """A SAS URL also names the storage service version (``sv=``)."""
    around = m.string[max(0, m.start() - 1000):m.start()]
    return "sv=" in around or "sv=" in m.string[m.end():m.end() + 1000]


def _basic_auth_b64(m: re.Match[str]) -> bool:
    """base64 of ``user:password``: printable ASCII, one colon, both sides non-empty."""
    try:
        raw = base64.b64decode(m.group("key"), validate=True).decode("ascii")
    except (binascii.Error, ValueError):
        return False
    user, sep, password = raw.partition(":")
    return bool(sep and user and password) and raw.isprintable() and " " not in raw


def _putty_valid(m: re.Match[str]) -> bool:
    """A PuTTY key file has a ``Private-Lines:`` section after its header."""
    return "Private-Lines: " in m.string[m.end():m.end() + 8000]


# --------------------------------------------------------------------------- the rows
def _rx(pattern: str) -> LazyPattern:
    """A row's pattern, compiled the first time a literal passes the prefilter for it."""
    return LazyPattern(pattern)


# Boundaries: a token starts and ends where its character set does.
_E = r"(?![A-Za-z0-9_-])"
_TOKEN_CHARS = "A-Za-z0-9_-"


def _token(
    prefix: str, body: str, before: str = _TOKEN_CHARS, after: str | None = _TOKEN_CHARS
) -> LazyPattern:
    """`prefix` not preceded by a `before` character, `body`, then no `after` character.

    The boundary lookbehind sits *after* the literal prefix (``glpat-(?<![...]glpat-)``):
    the regex engine then searches for the prefix itself, which is fast, instead of
    testing a lookbehind at every position of the text.
    """
    p = re.escape(prefix)
    tail = f"(?![{after}])" if after else ""
    return _rx(f"{p}(?<![{before}]{p}){body}{tail}")


_AWS_KEY_ID = _rx(r"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])")
_TWILIO_SID = _rx(r"AC(?<![A-Za-z0-9]AC)[0-9a-f]{32}(?![A-Za-z0-9])")
_TWILIO_KEY_SID = _rx(r"SK(?<![A-Za-z0-9]SK)[0-9a-f]{32}(?![A-Za-z0-9])")
_DATADOG_IMPORT = _rx(r"(?m)^[ \t]*(?:from|import)[ \t]+datadog")
_DATADOG_NAME = _rx(r"(?:^|_)(?:dd|datadog)(?:_|$)")

_GITHUB_SRC = (
    "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/"
    "about-authentication-to-github#githubs-token-formats"
)
_GITLAB_SRC = "https://docs.gitlab.com/security/tokens/#token-prefixes"
_SLACK_SRC = "https://api.slack.com/concepts/token-types"
_OPENAI_SRC = "https://platform.openai.com/docs/api-reference/authentication"
_ANTHROPIC_SRC = "https://docs.anthropic.com/en/api/overview"
_SHOPIFY_SRC = "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin"
_DO_SRC = "https://docs.digitalocean.com/reference/api/create-personal-access-token/"
_PEM_SRC = "https://www.rfc-editor.org/rfc/rfc7468#section-10"


def _github(row_id: str, prefix: str, kind: str) -> CredentialFormat:
    return CredentialFormat(
        row_id, "GitHub", kind,
        _token(prefix + "_", r"(?P<body>[A-Za-z0-9]{36})", "A-Za-z0-9_", "A-Za-z0-9_"),
        _GITHUB_SRC, hints=(prefix + "_",), validator=_github_valid, keep=4,
    )


def _gitlab(row_id: str, prefix: str, body: str, kind: str) -> CredentialFormat:
    return CredentialFormat(
        row_id, "GitLab", kind, _token(prefix, body), _GITLAB_SRC,
        hints=(prefix,), keep=len(prefix),
    )


def _simple(row_id: str, provider: str, kind: str, prefix: str, body: str, source: str,
            *, keep: int | None = None, **kw) -> CredentialFormat:
    return CredentialFormat(
        row_id, provider, kind, _token(prefix, body), source,
        hints=(prefix,), keep=len(prefix) if keep is None else keep, **kw,
    )


CATALOGUE: tuple[CredentialFormat, ...] = (
    # ---------------------------------------------------------------- AWS
    CredentialFormat(
        "aws-access-key-id", "AWS", "an AWS access key id", _AWS_KEY_ID,
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
        hints=("AKIA", "ASIA", "ABIA", "ACCA"), keep=4,
        # The prefix and the 16 characters after it, anchored on the 'A' all four prefixes
        # start with: one rare character for the prefilter to stop at instead of four.
        gate=_rx(r"A(?:KIA|SIA|BIA|CCA)[A-Z2-7]{16}"),
    ),
    CredentialFormat(
        # In text (a config file, an env file, a comment): the key after its own name.
        "aws-secret-access-key-assignment", "AWS", "an AWS secret access key",
        _rx(r"(?i:(?:aws_?)?secret_?access_?key|aws_?secret_?key)[\"']?[ \t]{0,3}[:=][ \t]{0,3}[\"']?"
            r"(?P<key>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
        "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
        hints=("secret_access_key", "secretaccesskey", "aws_secret_key", "awssecretkey"),
        # Every match holds the separator and the key after it: the prefilter stops at the
        # rare ':' and '=' instead of at every 'y' and 'w' of these hints' either case.
        hints_nocase=True, gate=_rx(r"=[ \t]{0,3}[\"']?[A-Za-z0-9/+]{40}|:[ \t]{0,3}[\"']?[A-Za-z0-9/+]{40}"),
        validator=_mixed,
    ),
    CredentialFormat(
        # A bare 40-character value: only bound to an AWS-secret name, or in a file that
        # also holds an access key id (the pair is useless without both halves).
        "aws-secret-access-key", "AWS", "an AWS secret access key",
        _rx(r"(?P<key>[A-Za-z0-9/+]{40})"),
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        validator=_mixed,
        context=Context(
            names=(_rx(r"(?:^|_)aws_secret(?:_|$)|(?:^|_)secret_access_key$"),),
            pair=_AWS_KEY_ID,
        ),
    ),
    # ---------------------------------------------------------------- Google Cloud
    _simple("gcp-api-key", "Google Cloud", "a Google API key", "AIza", r"[0-9A-Za-z_-]{35}",
            "https://cloud.google.com/docs/authentication/api-keys"),
    CredentialFormat(
        "gcp-service-account-key", "Google Cloud", "a Google Cloud service-account private key",
        _rx(r"\"private_key\"[ \t]{0,5}:[ \t]{0,5}\"(?P<key>-----BEGIN PRIVATE KEY-----)"),
        "https://cloud.google.com/iam/docs/keys-create-delete",
        hints=('"private_key"',), validator=_has_key_body, keep=-1,
    ),
    _simple("google-oauth-client-secret", "Google", "a Google OAuth client secret", "GOCSPX-",
            r"[A-Za-z0-9_-]{28}", "https://support.google.com/cloud/answer/15549257"),
    # ---------------------------------------------------------------- Azure
    CredentialFormat(
        "azure-storage-connection-string", "Azure", "an Azure storage account key",
        _rx(r"AccountKey=(?P<key>[A-Za-z0-9+/]{86}==)"),
        "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string",
        hints=("AccountKey=",),
    ),
    CredentialFormat(
        # Storage and Cosmos DB account keys are both 64 random bytes in base64.
        "azure-storage-account-key", "Azure", "an Azure storage or Cosmos DB account key",
        _rx(r"(?P<key>[A-Za-z0-9+/]{86}==)"),
        "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
        validator=_mixed,
        context=Context(names=(
            _rx(r"(?:^|_)(?:azure|storage|account|cosmos)(?:_|$)"), _rx(r"(?:^|_)(?:key|credential)$"),
        )),
    ),
    CredentialFormat(
        # The signature of a shared access signature URL (sv=...&sig=...): an HMAC-SHA256 in
        # URL-encoded base64.
        "azure-sas-signature", "Azure", "an Azure shared access signature",
        _rx(r"[?&]sig=(?P<key>(?:[A-Za-z0-9]|%2[BbFf]){40,43}(?:%3[Dd]|=))(?![A-Za-z0-9%])"),
        "https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas",
        hints=("sig=",), validator=_sas_valid,
    ),
    CredentialFormat(
        "azure-shared-access-key", "Azure", "an Azure shared access key",
        _rx(r"SharedAccessKey=(?P<key>[A-Za-z0-9+/]{43}=)"),
        "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas",
        hints=("SharedAccessKey=",),
    ),
    CredentialFormat(
        "azure-ad-client-secret", "Azure", "a Microsoft Entra ID client secret",
        _rx(r"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"),
        "https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret",
        hints=("Q~",), validator=_mixed, confidence=Confidence.MEDIUM,
    ),
    # ---------------------------------------------------------------- GitHub
    _github("github-classic-pat", "ghp", "a GitHub personal access token"),
    _github("github-oauth-token", "gho", "a GitHub OAuth access token"),
    _github("github-user-to-server-token", "ghu", "a GitHub App user access token"),
    _github("github-server-to-server-token", "ghs", "a GitHub App installation token"),
    _github("github-refresh-token", "ghr", "a GitHub App refresh token"),
    CredentialFormat(
        "github-fine-grained-pat", "GitHub", "a GitHub fine-grained token",
        _token("github_pat_", r"[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", "A-Za-z0-9_", "A-Za-z0-9_"),
        _GITHUB_SRC, hints=("github_pat_",), keep=11,
    ),
    # ---------------------------------------------------------------- GitLab
    _gitlab("gitlab-pat", "glpat-",
            r"(?:[0-9A-Za-z_-]{20}|[0-9A-Za-z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7})",
            "a GitLab personal access token"),
    _gitlab("gitlab-oauth-app-secret", "gloas-", r"[0-9A-Za-z_-]{64}", "a GitLab OAuth application secret"),
    _gitlab("gitlab-deploy-token", "gldt-", r"[0-9A-Za-z_-]{20}", "a GitLab deploy token"),
    _gitlab("gitlab-runner-token", "glrt-",
            r"(?:[0-9A-Za-z_-]{20}|t[0-9]_[0-9A-Za-z_-]{27,300}\.[0-9a-z]{9})",
            "a GitLab runner authentication token"),
    _gitlab("gitlab-pipeline-trigger-token", "glptt-", r"[0-9a-f]{40}", "a GitLab pipeline trigger token"),
    _gitlab("gitlab-feed-token", "glft-", r"[0-9A-Za-z_-]{20}", "a GitLab feed token"),
    _gitlab("gitlab-incoming-mail-token", "glimt-", r"[0-9A-Za-z_-]{25}", "a GitLab incoming mail token"),
    _gitlab("gitlab-agent-token", "glagent-", r"[0-9A-Za-z_-]{50}", "a GitLab agent for Kubernetes token"),
    _gitlab("gitlab-scim-token", "glsoat-", r"[0-9A-Za-z_-]{20}", "a GitLab SCIM token"),
    _gitlab("gitlab-ci-job-token", "glcbt-", r"[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}", "a GitLab CI/CD job token"),
    _gitlab("gitlab-feature-flag-token", "glffct-", r"[0-9A-Za-z_-]{20}", "a GitLab feature flag client token"),
    _gitlab("gitlab-runner-registration-token", "GR1348941", r"[0-9A-Za-z_-]{20}",
            "a GitLab runner registration token"),
    # ---------------------------------------------------------------- Slack
    _simple("slack-bot-token", "Slack", "a Slack bot token", "xoxb-",
            r"[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,40}", _SLACK_SRC),
    _simple("slack-user-token", "Slack", "a Slack user token", "xoxp-",
            r"[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,34}", _SLACK_SRC),
    _simple("slack-app-token", "Slack", "a Slack app-level token", "xapp-",
            r"[0-9]-[A-Z0-9]{8,12}-[0-9]{10,14}-[A-Za-z0-9]{32,80}", _SLACK_SRC),
    CredentialFormat(
        "slack-config-token", "Slack", "a Slack configuration token",
        _token("xoxe.xox", r"[bp]-[0-9]-[A-Za-z0-9]{163,166}"),
        "https://api.slack.com/authentication/config-tokens", hints=("xoxe.xox",), keep=10,
    ),
    CredentialFormat(
        # Legacy, workspace, rotating and refresh tokens, and bot/user tokens in older shapes.
        "slack-token", "Slack", "a Slack token",
        _token("xox", r"[abposre]-[0-9]{6,16}-[0-9A-Za-z-]{8,120}", "A-Za-z0-9", None),
        _SLACK_SRC, hints=("xox",), keep=5,
    ),
    CredentialFormat(
        "slack-webhook-url", "Slack", "a Slack incoming webhook URL",
        _rx(r"hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{23,25}(?![A-Za-z0-9])"),
        "https://api.slack.com/messaging/webhooks", hints=("hooks.slack.com/services/",), keep=25,
    ),
    # ---------------------------------------------------------------- payments, messaging
    CredentialFormat(
        "stripe-live-secret-key", "Stripe", "a Stripe live secret key",
        _token("sk_live_", r"[0-9A-Za-z]{20,247}", "A-Za-z0-9", "0-9A-Za-z"),
        "https://docs.stripe.com/keys", hints=("sk_live_",), keep=8,
    ),
    CredentialFormat(
        "stripe-live-restricted-key", "Stripe", "a Stripe live restricted key",
        _token("rk_live_", r"[0-9A-Za-z]{20,247}", "A-Za-z0-9", "0-9A-Za-z"),
        "https://docs.stripe.com/keys#limit-access", hints=("rk_live_",), keep=8,
    ),
    CredentialFormat(
        # An API key is a pair: the SID 'SK' + 32 hex (public, like a user name) and a
        # 32-character secret. The SID alone is not reported; SID:secret (HTTP basic auth) is.
        "twilio-api-key", "Twilio", "a Twilio API key secret",
        _token("SK", r"[0-9a-fA-F]{32}:(?P<key>[A-Za-z0-9]{32})", "A-Za-z0-9", "A-Za-z0-9"),
        "https://www.twilio.com/docs/iam/api-keys", hints=("SK",), validator=_mixed,
        # The colon and the secret after it, then the SID before them: ``SK`` alone is common.
        gate=_rx(r":[A-Za-z0-9]{32}(?<=SK[0-9a-fA-F]{32}:[A-Za-z0-9]{32})"),
    ),
    CredentialFormat(
        "twilio-api-key-secret", "Twilio", "a Twilio API key secret", _rx(r"(?P<key>[A-Za-z0-9]{32})"),
        "https://www.twilio.com/docs/iam/api-keys#create-an-api-key",
        validator=_mixed,
        context=Context(
            names=(_rx(r"(?:^|_)twilio(?:_|$)"), _rx(r"(?:^|_)(?:api_)?secret$")),
            pair=_TWILIO_KEY_SID,
            pair_names=(_rx(r"(?:^|_)(?:secret|twilio)(?:_|$)"),),
        ),
    ),
    CredentialFormat(
        "twilio-sid-and-token", "Twilio", "a Twilio auth token",
        _token("AC", r"[0-9a-f]{32}:(?P<key>[0-9a-f]{32})", "A-Za-z0-9", "A-Za-z0-9"),
        "https://www.twilio.com/docs/usage/requests-to-twilio#credentials", hints=("AC",),
        validator=_hex_random,
        # The colon and the token after it, then the SID before them: ``AC`` alone is common.
        gate=_rx(r":[0-9a-f]{32}(?<=AC[0-9a-f]{32}:[0-9a-f]{32})"),
    ),
    CredentialFormat(
        "twilio-auth-token", "Twilio", "a Twilio auth token", _rx(r"(?P<key>[0-9a-f]{32})"),
        "https://www.twilio.com/docs/iam/credentials/api#authentication",
        validator=_hex_random,
        context=Context(
            names=(_rx(r"(?:^|_)twilio(?:_|$)"), _rx(r"(?:^|_)(?:token|secret)$")),
            pair=_TWILIO_SID,
            pair_names=(_rx(r"(?:^|_)(?:token|secret|twilio|auth)(?:_|$)"),),
        ),
    ),
    _simple("sendgrid-api-key", "SendGrid", "a SendGrid API key", "SG.",
            r"[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
            "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"),
    _simple("mailgun-api-key", "Mailgun", "a Mailgun API key", "key-", r"[0-9a-f]{32}",
            "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/mailgun.go",
            validator=_hex_random, confidence=Confidence.MEDIUM),
    # ---------------------------------------------------------------- AI providers
    _simple("openai-project-key", "OpenAI", "an OpenAI project API key", "sk-proj-",
            r"[A-Za-z0-9_-]{40,300}", _OPENAI_SRC),
    _simple("openai-service-account-key", "OpenAI", "an OpenAI service-account key", "sk-svcacct-",
            r"[A-Za-z0-9_-]{40,300}", _OPENAI_SRC),
    _simple("openai-admin-key", "OpenAI", "an OpenAI admin key", "sk-admin-",
            r"[A-Za-z0-9_-]{40,300}", "https://platform.openai.com/docs/api-reference/administration"),
    CredentialFormat(
        # 'T3BlbkFJ' is base64 of 'OpenAI'; gitleaks rule openai-api-key.
        "openai-legacy-key", "OpenAI", "an OpenAI API key",
        _token("sk-", r"[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}"),
        "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/openai.go",
        hints=("T3BlbkFJ",), keep=3,
    ),
    _simple("anthropic-api-key", "Anthropic", "an Anthropic API key", "sk-ant-api03-",
            r"[A-Za-z0-9_-]{80,120}", _ANTHROPIC_SRC),
    _simple("anthropic-admin-key", "Anthropic", "an Anthropic admin key", "sk-ant-admin01-",
            r"[A-Za-z0-9_-]{80,120}", "https://docs.anthropic.com/en/api/administration-api"),
    _simple("huggingface-token", "Hugging Face", "a Hugging Face access token", "hf_",
            r"[A-Za-z0-9]{34}", "https://huggingface.co/docs/hub/security-tokens", validator=_hf_random),
    _simple("huggingface-org-token", "Hugging Face", "a Hugging Face organization API token", "api_org_",
            r"[A-Za-z]{34}",
            "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/huggingface.go",
            validator=_hf_random),
    # ---------------------------------------------------------------- package registries, CI
    _simple("npm-token", "npm", "an npm access token", "npm_", r"[A-Za-z0-9]{36}",
            "https://github.blog/2021-09-23-announcing-npms-new-access-token-format/"),
    _simple("pypi-token", "PyPI", "a PyPI API token", "pypi-AgEIcHlwaS5vcmc", r"[A-Za-z0-9_-]{50,1000}",
            "https://pypi.org/help/#apitoken", keep=5),
    _simple("testpypi-token", "PyPI", "a TestPyPI API token", "pypi-AgENdGVzdC5weXBpLm9yZw",
            r"[A-Za-z0-9_-]{50,1000}", "https://test.pypi.org/help/#apitoken", keep=5),
    _simple("docker-hub-pat", "Docker", "a Docker Hub access token", "dckr_pat_", r"[A-Za-z0-9_-]{27,40}",
            "https://docs.docker.com/security/for-developers/access-tokens/"),
    CredentialFormat(
        # config.json "auths": {"<registry>": {"auth": base64("user:password")}}.
        "docker-config-auth", "Docker", "a container registry credential",
        _rx(r"(?P<key>[A-Za-z0-9+/]{8,400}={0,2})"),
        "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
        validator=_basic_auth_b64, context=Context(names=(_rx(r"^auth$"),)),
    ),
    _simple("databricks-token", "Databricks", "a Databricks access token", "dapi", r"[0-9a-f]{32}(?:-[0-9])?",
            "https://docs.databricks.com/en/dev-tools/auth/pat.html", validator=_hex_random),
    CredentialFormat(
        "datadog-key-assignment", "Datadog", "a Datadog API or application key",
        _rx(r"(?i:(?:dd|datadog)_(?:api|app|application)_key)[\"']?[ \t]{0,3}[:=][ \t]{0,3}[\"']?"
            r"(?P<key>[0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])"),
        "https://docs.datadoghq.com/account_management/api-app-keys/",
        hints=("dd_api_key", "dd_app_key", "dd_application_key", "datadog_api_key",
               "datadog_app_key", "datadog_application_key"),
        # As for the AWS assignment: the separator and the first 32 hex digits of the key.
        hints_nocase=True, gate=_rx(r"=[ \t]{0,3}[\"']?[0-9a-f]{32}|:[ \t]{0,3}[\"']?[0-9a-f]{32}"),
        validator=_hex_random,
    ),
    CredentialFormat(
        "datadog-api-key", "Datadog", "a Datadog API key", _rx(r"(?P<key>[0-9a-f]{32})"),
        "https://docs.datadoghq.com/account_management/api-app-keys/#api-keys",
        validator=_hex_random,
        context=Context(
            names=(_DATADOG_NAME, _rx(r"(?:^|_)api_key$")),
            pair=_DATADOG_IMPORT, pair_names=(_rx(r"(?:^|_)api_key(?:_|$)"),),
        ),
    ),
    CredentialFormat(
        "datadog-app-key", "Datadog", "a Datadog application key", _rx(r"(?P<key>[0-9a-f]{40})"),
        "https://docs.datadoghq.com/account_management/api-app-keys/#application-keys",
        validator=_hex_random,
        context=Context(
            names=(_DATADOG_NAME, _rx(r"(?:^|_)(?:app|application)_key$")),
            pair=_DATADOG_IMPORT, pair_names=(_rx(r"(?:^|_)(?:app|application)_key(?:_|$)"),),
        ),
    ),
    # ---------------------------------------------------------------- hosting
    _simple("heroku-api-key", "Heroku", "a Heroku API key", "HRKU-AA", r"[0-9A-Za-z_-]{58}",
            "https://devcenter.heroku.com/articles/authentication", keep=5),
    CredentialFormat(
        # Older Heroku API keys are UUIDs: only with a Heroku name (HEROKU_API_KEY,
        # heroku3.from_key(...)); gitleaks rule heroku-api-key.
        "heroku-legacy-api-key", "Heroku", "a Heroku API key",
        _rx(r"(?P<key>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"),
        "https://devcenter.heroku.com/articles/platform-api-quickstart#authentication",
        context=Context(names=(_rx(r"(?:^|_)heroku"), _rx(r"(?:^|_)(?:key|token|secret|password)$"))),
    ),
    _simple("digitalocean-pat", "DigitalOcean", "a DigitalOcean personal access token", "dop_v1_",
            r"[a-f0-9]{64}", _DO_SRC),
    _simple("digitalocean-oauth-token", "DigitalOcean", "a DigitalOcean OAuth token", "doo_v1_",
            r"[a-f0-9]{64}", "https://docs.digitalocean.com/reference/api/oauth/"),
    _simple("digitalocean-refresh-token", "DigitalOcean", "a DigitalOcean refresh token", "dor_v1_",
            r"[a-f0-9]{64}", "https://docs.digitalocean.com/reference/api/oauth/"),
    _simple("shopify-access-token", "Shopify", "a Shopify access token", "shpat_", r"[a-fA-F0-9]{32}", _SHOPIFY_SRC),
    _simple("shopify-custom-app-token", "Shopify", "a Shopify custom app access token", "shpca_",
            r"[a-fA-F0-9]{32}", _SHOPIFY_SRC),
    _simple("shopify-private-app-token", "Shopify", "a Shopify private app access token", "shppa_",
            r"[a-fA-F0-9]{32}", _SHOPIFY_SRC),
    _simple("shopify-shared-secret", "Shopify", "a Shopify app shared secret", "shpss_",
            r"[a-fA-F0-9]{32}", _SHOPIFY_SRC),
    # ---------------------------------------------------------------- chat bots
    CredentialFormat(
        # user id (base64 of digits) . timestamp . HMAC; detect-secrets DiscordBotTokenDetector.
        "discord-bot-token", "Discord", "a Discord bot token",
        _rx(r"(?<![A-Za-z0-9_.-])(?P<uid>[MNO][A-Za-z0-9_-]{23,27})\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}"
            r"(?![A-Za-z0-9_.-])"),
        "https://discord.com/developers/docs/reference#authentication",
        # The uid (its first letter and 23 to 27 more token characters) and the 6-character
        # timestamp between dots: anchored on the uid's rare first letter, not on every dot.
        hints=(".",), validator=_discord_valid,
        gate=_rx(r"M[A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.|N[A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\."
                 r"|O[A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\."),
    ),
    CredentialFormat(
        "discord-webhook-url", "Discord", "a Discord webhook URL",
        _rx(r"discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])"),
        "https://discord.com/developers/docs/resources/webhook#execute-webhook",
        hints=("/api/webhooks/",), keep=25,
    ),
    CredentialFormat(
        # bot id ':' 35 characters starting with 'A' (also after '/bot' in an API URL);
        # gitleaks rule telegram-bot-api-token.
        "telegram-bot-token", "Telegram", "a Telegram bot token",
        _rx(r"(?:(?<![A-Za-z0-9:])|(?<=/bot))[0-9]{5,16}:A[A-Za-z0-9_-]{34}" + _E),
        "https://core.telegram.org/bots/api#authorizing-your-bot",
        hints=(":A",), validator=_mixed, confidence=Confidence.MEDIUM,
    ),
    # ---------------------------------------------------------------- tokens and key blocks
    CredentialFormat(
        "jwt", "JWT", "a JSON Web Token",
        _rx(r"(?P<header>eyJ(?<![A-Za-z0-9_-]eyJ)[A-Za-z0-9_-]{5,1000})\.eyJ[A-Za-z0-9_-]{2,10000}"
            r"\.(?P<sig>[A-Za-z0-9_-]{16,1400})(?![A-Za-z0-9_-])"),
        "https://www.rfc-editor.org/rfc/rfc7519#section-3",
        hints=("eyJ",), validator=_jwt_valid, keep=3, confidence=Confidence.MEDIUM, short_lived=True,
    ),
    CredentialFormat(
        "pem-private-key", "PEM", "a PEM private key block",
        _rx(r"-----BEGIN (?:(?:RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY-----"),
        _PEM_SRC, hints=("PRIVATE KEY-----",), validator=_has_key_body, keep=-1,
    ),
    CredentialFormat(
        "openssh-private-key", "OpenSSH", "an OpenSSH private key",
        _rx(r"-----BEGIN OPENSSH PRIVATE KEY-----"),
        "https://cvsweb.openbsd.org/src/usr.bin/ssh/PROTOCOL.key?annotate=HEAD",
        hints=("OPENSSH PRIVATE KEY",), validator=_has_key_body, keep=-1,
    ),
    CredentialFormat(
        "pgp-private-key", "OpenPGP", "a PGP private key block",
        _rx(r"-----BEGIN PGP PRIVATE KEY BLOCK-----"),
        "https://www.rfc-editor.org/rfc/rfc4880#section-6.2",
        hints=("PGP PRIVATE KEY BLOCK",), validator=_has_key_body, keep=-1,
    ),
    CredentialFormat(
        "putty-private-key", "PuTTY", "a PuTTY private key",
        _rx(r"PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}"),
        "https://the.earth.li/~sgtatham/putty/0.81/htmldoc/AppendixC.html",
        hints=("PuTTY-User-Key-File-",), validator=_putty_valid, keep=-1,
    ),
)

BY_ID: dict[str, CredentialFormat] = {row.id: row for row in CATALOGUE}
assert len(BY_ID) == len(CATALOGUE), "duplicate credential format id"

# Keys providers print in their own documentation, by SHA-256 of the key (so that the keys
# themselves are not repeated here): the Azurite / Azure Storage Emulator account key
# (learn.microsoft.com/azure/storage/common/storage-use-azurite#http-connection-strings) and
# the HS256 example token jwt.io shows by default, and the bot token of the Telegram Bot API's
# own examples (core.telegram.org/bots/api#authorizing-your-bot).
_DOCUMENTED_KEYS = frozenset(
    {
        "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059",
        "7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606",
        "731fa294d036e54f19df879bfcd4fe72d967dc6327800c5f74a48414a3f258c9",
    }
)
# Placeholders: AWS's documented AKIAIOSFODNN7EXAMPLE and friends, redacted or dummy keys.
_PLACEHOLDER_WORDS = ("EXAMPLE", "SAMPLE", "DUMMY", "PLACEHOLDER", "REDACTED")
_RUN = lazy_compile(r"(.)\1{7}")


def _placeholder(secret: str) -> bool:
    up = secret.upper()
    return any(w in up for w in _PLACEHOLDER_WORDS) or _RUN.search(secret) is not None


def documented_key(secret: str) -> bool:
    """True for a key a provider publishes in its own documentation (not a leak)."""
    import hashlib  # here, not at the top: loading OpenSSL is 2 ms of every flake8 start

    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest() in _DOCUMENTED_KEYS


def normalized_name(name: str | None) -> str:
    """A bound name as the `Context` patterns see it: lowercase words joined by ``_``.

    ``"awsSecretAccessKey"`` -> ``"aws_secret_access_key"``, ``"DD-API-KEY"`` ->
    ``"dd_api_key"``, ``"datadog.initialize.api_key"`` -> ``"datadog_initialize_api_key"``.
    """
    return "_".join(split_words(name)) if name else ""


NameArg = Union[str, None, Callable[[], Union[str, None]]]
PairTest = Callable[[re.Pattern[str]], bool]

# Matches reported per row and text: a cost bound for texts full of near-misses.
_MAX_MATCHES_PER_ROW = 50


# Every hint of the prefix rows (see `find_all`), case-sensitive and lowercase ones apart.
_CASE_HINTS = tuple(sorted({h for row in CATALOGUE if row.context is None and not row.hints_nocase for h in row.hints}))
_NOCASE_HINTS = tuple(sorted({h for row in CATALOGUE if row.context is None and row.hints_nocase for h in row.hints}))
_first = itemgetter(0)
_PREFIX_ROWS = tuple((i, row) for i, row in enumerate(CATALOGUE) if row.context is None)
_CONTEXT_ROWS = tuple((i, row) for i, row in enumerate(CATALOGUE) if row.context is not None)

# Letters other characters lowercase to (U+0130 -> "i\u0307", U+212A KELVIN SIGN -> "k"):
# never anchors of a hint that is compared with the lowercased text.
_FOLDED_INTO = frozenset("ik")


def _rarity(c: str, nocase: bool) -> int:
    """`patterns.rarity` of `c`; of either case when the hint is compared lowercased."""
    if nocase and c.upper() != c:
        return min(rarity(c), rarity(c.upper()))
    return rarity(c)


def _gate_alternatives(source: str) -> list[tuple[str, str]]:
    """``(anchor, rest)`` of each top-level alternative of a gate's pattern source: its
    leading literal character (``\\.`` -> ``.``) and the source after it, split at the
    ``|`` outside groups and classes. Raises ValueError when an alternative does not start
    with a literal character (`CredentialFormat.gate`)."""
    alternatives: list[str] = []
    depth, start, i, class_at = 0, 0, 0, -1
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if class_at >= 0:
            # A ']' first in a class (after an optional '^') is one of its characters.
            if c == "]" and i > class_at + 1 + (source[class_at + 1] == "^"):
                class_at = -1
        elif c == "[":
            class_at = i
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and not depth:
            alternatives.append(source[start:i])
            start = i + 1
        i += 1
    alternatives.append(source[start:])
    out = []
    for alt in alternatives:
        if alt[:1] == "\\" and alt[1:2] and not alt[1].isalnum():
            anchor, rest = alt[1], alt[2:]
        elif alt[:1] and alt[0] not in "\\.^$*+?{}[]|()":
            anchor, rest = alt[0], alt[1:]
        else:
            raise ValueError(f"gate alternative {alt!r} does not start with a literal character")
        if rest[:1] and rest[0] in "*+?{":
            raise ValueError(f"gate alternative {alt!r} repeats its leading character")
        out.append((anchor, rest))
    return out


def _anchor_spots(hint: str, nocase: bool) -> list[tuple[int, frozenset[str]]]:
    """The positions of `hint` a prefilter alternative may start at, from its rarest character
    to its most frequent (the first position first), each with the characters the regex
    engine must stop at for it (both cases of a letter of a lowercase hint)."""
    spots = [i for i, c in enumerate(hint) if not (nocase and c in _FOLDED_INTO)]
    spots.sort(key=lambda i: (-_rarity(hint[i], nocase), i))
    return [(i, frozenset({hint[i], hint[i].upper()} if nocase else {hint[i]})) for i in spots]


def _prefilter() -> str:
    """The source of one linear pattern that matches wherever a prefix row's hint (or gate)
    does (`_PREFILTER`, compiled on first use: a flake8 start on an empty file never needs it).

    The regex engine skips, in C, every position whose character starts no top-level
    alternative (each starts with a literal); the cost of a search is mostly one entry into
    the matcher per remaining position, plus a short test per top-level alternative there.
    So the anchors are chosen for the whole catalogue, not per hint: first every gate's
    leading characters and each hint's rarest character (by `patterns.rarity`); then, from the
    most frequent anchor down, an anchor whose hints all hold another chosen anchor is
    dropped (``rk_live_`` and ``dckr_pat_`` move from ``k`` to ``_``, which ``hf_`` needs
    anyway). Each hint then starts at its rarest chosen character (the first such), followed
    by the rest of the hint and a fixed lookbehind over the whole hint: ``ghp_`` ->
    ``_(?<=ghp_)``, ``dapi`` -> ``pi(?<=dapi)``; hints with the same anchor, rest and width
    share one lookbehind. Gates' alternatives join the group of their leading character,
    so there is one top-level alternative per anchor. A lowercase hint matches both cases
    of its anchor and, through ``(?i:...)``, every text whose lowercased form holds it.
    Rows with a `gate` contribute the gate instead of their (common) hints.
    """
    gate_parts: dict[str, list[str]] = {}
    hints: list[tuple[str, bool, list[tuple[int, frozenset[str]]]]] = []
    for row in CATALOGUE:
        if row.context is not None:
            continue
        if row.gate is not None:
            for anchor, rest in _gate_alternatives(row.gate.pattern):
                gate_parts.setdefault(anchor, []).append(rest)
            continue
        for hint in row.hints:
            nocase = row.hints_nocase
            if nocase and hint != hint.lower():
                raise ValueError(f"{row.id}: hints compared with the lowercased text must be lowercase")
            hints.append((hint, nocase, _anchor_spots(hint, nocase)))

    chosen = set(gate_parts)
    for _, _, spots in hints:
        chosen |= spots[0][1]
    # Each hint's choices of characters to stop at, and every character of them.
    choices = [({chars for _, chars in spots}, {c for _, chars in spots for c in chars}) for _, _, spots in hints]
    for anchor in sorted(chosen - set(gate_parts), key=lambda c: (_rarity(c, False), c)):
        rest_of = chosen - {anchor}
        if all(any(chars <= rest_of for chars in sets) for sets, letters in choices if anchor in letters):
            chosen = rest_of
    # Per anchor: the lookbehinds (hint up to its anchor) by (case, width, rest of the hint).
    bodies: dict[str, dict[tuple[bool, int, str], set[str]]] = {}
    for hint, nocase, spots in hints:
        at, anchors = next((i, chars) for i, chars in spots if chars <= chosen)
        behind = hint[:at + 1] if at else ""
        for anchor in anchors:
            group = bodies.setdefault(anchor, {})
            group.setdefault((nocase, len(behind), hint[at + 1:]), set()).add(behind)
    alternatives = []
    for anchor in sorted({*bodies, *gate_parts}):
        parts = []
        for (nocase, width, rest), behinds in sorted(bodies.get(anchor, {}).items()):
            # The rest of the hint first (a literal: most stops fail on its first character),
            # then one lookbehind over the whole hint for every hint with the same rest and as
            # many characters up to the anchor (``(?<=gho_|ghp_)``): ``dapi`` -> ``i(?<=dapi)``.
            body = re.escape(rest)
            if width:
                body += f"(?<={'|'.join(re.escape(b + rest) for b in sorted(behinds))})"
            parts.append(f"(?i:{body})" if nocase else body)
        parts += gate_parts.get(anchor, [])
        alternatives.append(re.escape(anchor) + "(?:" + "|".join(parts) + ")")
    return "|".join(alternatives)


class _LazySource(LazyPattern):
    """A `LazyPattern` whose source, too, is built on first use, by `build` (`_PREFILTER`:
    choosing its anchors is most of a millisecond, which a flake8 start on a file without a
    literal or comment to test never needs). Reading `pattern` builds and compiles it."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], str]) -> None:  # pylint: disable=super-init-not-called
        self._build = build
        self.flags = 0
        self._compiled = None

    @property  # type: ignore[override]
    def pattern(self) -> str:
        """The source, as on `re.Pattern`."""
        return self.compiled().pattern

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (its source built and compiled now if it was not yet)."""
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self._build(), self.flags)
        return found


_PREFILTER = _LazySource(_prefilter)

# Every `Context` row's pattern, matched against the whole stripped literal, accepts only
# these characters and lengths (tests/test_credentials.py checks each row against it), so
# most literals skip the context rows with one `fullmatch`, before any `strip` (``\s`` is
# exactly what `str.strip` removes).
_CONTEXT_SHAPE = lazy_compile(r"\A\s*[A-Za-z0-9+/=-]{8,402}\s*\Z")  # anchored: linear under search() too


def _prefix_candidates(text: str) -> list[tuple[int, CredentialFormat]]:
    """The prefix rows (no `Context`) worth running on `text`, with their catalogue index:
    those with a hint in the text and, if they have a `gate`, a gate match."""
    if _PREFILTER.search(text) is None:
        return []
    # One pass over every hint (instead of one `any()` per row): the hints present in the text.
    present = {h for h in _CASE_HINTS if h in text}
    low = text.lower()
    present_nocase = {h for h in _NOCASE_HINTS if h in low}
    return [
        (i, row)
        for i, row in _PREFIX_ROWS
        if not (present_nocase if row.hints_nocase else present).isdisjoint(row.hints)
        and (row.gate is None or row.gate.search(text) is not None)
    ]


def may_hold(text: str) -> bool:
    """False when `find_all` cannot find anything in `text`, whatever the name and file: no
    prefix row's hint (or gate) is in it and it does not have a `Context` row's shape. Two
    searches in C; most literals stop here."""
    return _PREFILTER.search(text) is not None or _CONTEXT_SHAPE.fullmatch(text) is not None


def may_hold_tests() -> tuple[Callable[[str], object], Callable[[str], object]]:
    """``(search, fullmatch)``, the compiled `_PREFILTER.search` and `_CONTEXT_SHAPE.fullmatch`,
    for a loop over many texts: ``may_hold(t)`` is ``search(t) is not None or fullmatch(t) is
    not None``, without the Python-level calls of `may_hold` per text."""
    return _PREFILTER.compiled().search, _CONTEXT_SHAPE.compiled().fullmatch


def prefix_match(text: str) -> bool:
    """True when the pattern of some row without `Context` matches somewhere in `text`
    (hints and gates as `find_all` applies them; validators not run).

    A necessary condition for `find_all` reporting such a row in any line of `text` or in a
    text holding such a line: no row's match spans a line break, and each row's
    lookarounds read at most its prefix and one character on either side. AIS102 tests all
    of a file's comment lines at once with it before reading the comments from tokens.
    Read line by line (`_hit_lines`), so a long text costs its lines with a hint, not the
    text once per hint.
    """
    for start, stop, end in _hit_lines(text):
        for _, row in _prefix_candidates(text[start:stop]):
            if row.pattern.search(text, start, end) is not None:
                return True
    return False


def holds_credential(text: str) -> bool:
    """``bool(find_all(text))`` for an unbound text (no name, no file), read line by line.

    No prefix row's pattern, gate or lookaround accepts a line break (a row that would
    must not be a prefix row: `prefix_match` relies on it too), so a row's matches in `text` are its
    matches in the lines that hold a `_PREFILTER` match (`_hit_lines`), searched in place
    (validators read `text` around a match as `find_all` lets them) and counted per row
    in text order up to `_MAX_MATCHES_PER_ROW`. A text that may be a `Context` row's whole
    value goes through `find_all`. AIS102 asks it about a whole file before tokenizing it:
    the cost is the lines with a hint, not the file once per hint.
    """
    if _CONTEXT_SHAPE.fullmatch(text) is not None:
        return bool(find_all(text))
    seen: dict[int, int] = {}
    for start, stop, end in _hit_lines(text):
        for i, row in _prefix_candidates(text[start:stop]):
            count = seen.get(i, 0)
            for m in row.pattern.finditer(text, start, end):
                if count >= _MAX_MATCHES_PER_ROW:
                    break
                count += 1
                if row.validator is None or row.validator(m):
                    return True
            seen[i] = count
    return False


def _hit_lines(text: str) -> Iterator[tuple[int, int, int]]:
    """``(start, stop, end)`` of each line of `text` (split at ``\n``) that holds a
    `_PREFILTER` match, in order: the line is ``text[start:stop]``, and ``end`` also takes
    the line break after it (a lookahead at the end of a match reads it). Every line that
    holds a prefix row's hint or gate match holds a prefilter match (its own)."""
    search = _PREFILTER.search
    size = len(text)
    pos = 0
    while pos <= size:
        m = search(text, pos)
        if m is None:
            return
        at = m.start()
        start = text.rfind("\n", 0, at) + 1
        stop = text.find("\n", at)
        if stop < 0:
            stop = size
        yield start, stop, min(stop + 1, size)
        pos = stop + 1


def find_all(text: str, *, name: NameArg = None, in_file: PairTest | None = None) -> list[Found]:
    """Every credential in `text`, in catalogue order, then by position.

    Args:
        text: a string literal's value or a comment.
        name: the name the literal is bound to, or a function returning it (called only
            when a context row needs it); None for an unbound literal or a comment.
        in_file: ``in_file(pattern)`` is True when `pattern` matches somewhere in the file
            (for `Context.pair`); None when unknown.

    Rows run only on candidate texts: a prefix row when one of its hints (and its gate) is
    present, found for all rows at once by `_PREFILTER`; a context row when the stripped
    text has `_CONTEXT_SHAPE`.
    """
    rows: list[tuple[int, CredentialFormat]] | tuple[tuple[int, CredentialFormat], ...] = _prefix_candidates(text)
    if _CONTEXT_SHAPE.fullmatch(text) is not None:
        # In catalogue order; most texts of that shape have no prefix candidate.
        rows = sorted([*rows, *_CONTEXT_ROWS], key=_first) if rows else _CONTEXT_ROWS
    out: list[Found] = []
    if not rows:
        return out
    stripped = text.strip()
    resolved: list[str] = []
    for _, row in rows:
        if row.context is not None:
            m = row.pattern.fullmatch(stripped)
            if m is None or (row.validator is not None and not row.validator(m)):
                continue
            if not resolved:
                resolved.append(normalized_name(name() if callable(name) else name))
            conf = _context_confidence(row, row.context, resolved[0], in_file)
            if conf is None:
                continue
            start = len(text) - len(text.lstrip())
            out.append(_found(row, m, conf, offset=start))
            continue
        for n, m in enumerate(row.pattern.finditer(text)):
            if n >= _MAX_MATCHES_PER_ROW:
                break
            if row.validator is None or row.validator(m):
                out.append(_found(row, m, row.confidence))
    return out


def find(text: str, *, name: NameArg = None, in_file: PairTest | None = None) -> Found | None:
    """The first credential in `text` by catalogue order (see `find_all`), or None."""
    found = find_all(text, name=name, in_file=in_file)
    return found[0] if found else None


def _context_confidence(row: CredentialFormat, ctx: Context, name: str,
                        in_file: PairTest | None) -> Confidence | None:
    if ctx.names and all(p.search(name) for p in ctx.names):
        return row.confidence
    if ctx.pair is not None and in_file is not None and all(p.search(name) for p in ctx.pair_names):
        if in_file(ctx.pair):
            # Bound to a secret-like name: as sure as a named key; unbound: less so.
            return row.confidence if name and ctx.pair_names else Confidence.MEDIUM
    return None


def _found(row: CredentialFormat, m: re.Match[str], conf: Confidence, offset: int = 0) -> Found:
    group = "key" if "key" in row.pattern.groupindex else 0
    secret = m.group(group)
    if _placeholder(secret) or documented_key(secret):
        conf = Confidence.LOW
    shown = ""
    if row.keep < 0:
        shown = secret.split("\n", 1)[0].strip()[:80]
    return Found(row, secret, m.start(group) + offset, m.end(group) + offset, conf, shown)
